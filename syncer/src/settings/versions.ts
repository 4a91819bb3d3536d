/**
 * The Exchange generations the settings offer, each with the RequestServerVersion it sends and
 * what that schema version lets the syncer use.
 */
export interface ExchangeGeneration {
  /** The label a person picks, as on the settings page. */
  label: string;
  /** The RequestServerVersion value sent on the wire. */
  requestVersion: string;
  /**
   * The ews-javascript-api ExchangeVersion member. The client has no plain Exchange2007; it sends
   * "Exchange2007" when asked for Exchange2007_SP1 in its 2007 compatibility mode.
   */
  clientVersion: string;
  exchange2007CompatibilityMode: boolean;
  /** ConversationId exists from Exchange 2010 on. */
  hasConversationId: boolean;
  /** AQS QueryString in FindItem exists from Exchange 2010 on; 2007 needs a Restriction. */
  hasAqs: boolean;
  /** FileAttachment Size in GetItem exists from Exchange 2010 on. */
  hasAttachmentSize: boolean;
  /**
   * How the ConnectingSID names the impersonated mailbox. Exchange 2007 RTM knows no SMTP form, so the
   * address is sent as the user principal name (which must then equal the address).
   */
  impersonateBy: 'SmtpAddress' | 'PrincipalName';
}

const gen = (
  label: string,
  requestVersion: string,
  clientVersion: string,
  modern: boolean,
  compat = false,
): ExchangeGeneration => ({
  label,
  requestVersion,
  clientVersion,
  exchange2007CompatibilityMode: compat,
  hasConversationId: modern,
  hasAqs: modern,
  hasAttachmentSize: modern,
  impersonateBy: compat ? 'PrincipalName' : 'SmtpAddress',
});

export const GENERATIONS: readonly ExchangeGeneration[] = [
  gen('2007', 'Exchange2007', 'Exchange2007_SP1', false, true),
  gen('2007 SP1', 'Exchange2007_SP1', 'Exchange2007_SP1', false),
  gen('2010', 'Exchange2010', 'Exchange2010', true),
  gen('2010 SP1', 'Exchange2010_SP1', 'Exchange2010_SP1', true),
  gen('2010 SP2', 'Exchange2010_SP2', 'Exchange2010_SP2', true),
  gen('2013', 'Exchange2013', 'Exchange2013', true),
  gen('2013 SP1', 'Exchange2013_SP1', 'Exchange2013_SP1', true),
  gen('2016', 'Exchange2016', 'Exchange2016', true),
  // Exchange 2019 refuses the name "Exchange2019"; it understands the dated schema it reports.
  gen('2019', 'V2017_07_11', 'V2017_07_11', true),
  gen('Exchange Online', 'V2018_01_08', 'V2018_01_08', true),
];

export const VERSION_LABELS = GENERATIONS.map((g) => g.label);

/** Aliases a person may reasonably write for a generation besides its label and wire names. */
const EXTRA_ALIASES: Record<string, string> = {
  'exchange 2013 (or office 365)': '2013',
  'office 365': 'Exchange Online',
  online: 'Exchange Online',
  exchangeonline: 'Exchange Online',
  exchange2019: '2019',
};

function key(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

const BY_KEY = new Map<string, ExchangeGeneration>();
for (const g of GENERATIONS) {
  for (const name of [g.label, `Exchange ${g.label}`, g.requestVersion]) BY_KEY.set(key(name), g);
}
for (const [alias, label] of Object.entries(EXTRA_ALIASES)) {
  BY_KEY.set(key(alias), GENERATIONS.find((g) => g.label === label)!);
}

/** The generation a settings value names: a label ("2010 SP2"), "Exchange 2010 SP2" or a wire name ("Exchange2010_SP2"). */
export function findGeneration(value: string): ExchangeGeneration | undefined {
  return BY_KEY.get(key(value));
}
