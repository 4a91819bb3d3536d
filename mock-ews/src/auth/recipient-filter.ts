import type { Account, Mailbox } from '../store/types';

/**
 * The subset of OPATH recipient filters that management scopes use in practice:
 * `<Property> -eq|-ne|-like '<value>'` clauses joined by -and / -or (-and binds tighter), with
 * properties Department, PrimarySmtpAddress, Alias, DisplayName. Comparison ignores case, as
 * Exchange does; `-like` takes `*` wildcards.
 */

const PROPERTIES = ['department', 'primarysmtpaddress', 'alias', 'displayname'] as const;
type Property = (typeof PROPERTIES)[number];

interface Clause {
  property: Property;
  op: 'eq' | 'ne' | 'like';
  value: string;
}

/** OR of ANDs. */
type Filter = Clause[][];

const CLAUSE = /^\s*(\w+)\s+-(eq|ne|like)\s+'((?:[^']|'')*)'\s*$/i;

export class RecipientFilterError extends Error {}

export function parseRecipientFilter(text: string): Filter {
  const or = text.split(/\s-or\s/i);
  return or.map((part) =>
    part.split(/\s-and\s/i).map((c) => {
      const m = CLAUSE.exec(c);
      if (!m) throw new RecipientFilterError(`cannot read "${c.trim()}": expected Property -eq|-ne|-like 'value'`);
      const property = m[1].toLowerCase();
      if (!(PROPERTIES as readonly string[]).includes(property)) {
        throw new RecipientFilterError(`unsupported property ${m[1]} (use Department, PrimarySmtpAddress, Alias or DisplayName)`);
      }
      return { property: property as Property, op: m[2].toLowerCase() as Clause['op'], value: m[3].replace(/''/g, "'") };
    }),
  );
}

function propertyOf(p: Property, mailbox: Mailbox, account: Account | undefined): string {
  switch (p) {
    case 'department':
      return account?.department ?? '';
    case 'primarysmtpaddress':
      return mailbox.smtp;
    case 'alias':
      return mailbox.smtp.split('@')[0];
    case 'displayname':
      return mailbox.displayName;
  }
}

function likeToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
}

/** True when the mailbox (and its owner account) matches the filter. */
export function matchesRecipientFilter(text: string, mailbox: Mailbox, account: Account | undefined): boolean {
  return parseRecipientFilter(text).some((and) =>
    and.every((c) => {
      const actual = propertyOf(c.property, mailbox, account);
      if (c.op === 'like') return likeToRegExp(c.value).test(actual);
      const equal = actual.toLowerCase() === c.value.toLowerCase();
      return c.op === 'eq' ? equal : !equal;
    }),
  );
}
