import type { Mailbox, OofSettings } from './types';

/** The schema's OofState and ExternalAudience values (EWS, scenario files and the admin API share them). */
export const OOF_STATES = ['Disabled', 'Enabled', 'Scheduled'] as const;
export const OOF_AUDIENCES = ['None', 'Known', 'All'] as const;

/** A mailbox's out-of-office settings before anyone set them: disabled, empty replies, a one-day window from the current hour. */
export function defaultOofSettings(now = Date.now()): OofSettings {
  const start = new Date(Math.floor(now / 3_600_000) * 3_600_000);
  return { state: 'Disabled', externalAudience: 'All', start, end: new Date(start.getTime() + 86_400_000), internalReply: '', externalReply: '' };
}

/** A mailbox's settings: what was set, or the defaults. */
export function oofSettings(mailbox: Mailbox): OofSettings {
  return mailbox.oof ?? defaultOofSettings();
}
