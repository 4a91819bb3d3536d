import { ItemError } from '../../soap/error-catalogue';
import type { Address, Item, Mailbox } from '../../store/types';
import { searchableBody } from './body-text';
import { hasAttachments } from './item-properties';
import type { Predicate } from './restriction';
import { containsText } from './text-match';

/**
 * Advanced Query Syntax (m:QueryString, Exchange 2010 and later) over the store's items:
 * `prop:value` terms (subject, from, to, cc, bcc, body, attachment, category, importance, received,
 * sent, hasattachment, isread, isflagged, kind, size), `prop:(a OR b)` and `prop:NOT a`, bare words
 * and "quoted phrases" (subject, body, sender, attachment names), AND / OR / NOT (upper case, as AQS
 * requires) and parentheses; juxtaposed terms are ANDed.
 * Words match word prefixes and phrases whole words, ignoring case and accents, as the content
 * index does. Dates (YYYY-MM-DD or M/D/YYYY, `today`, `yesterday`) are whole UTC days and take
 * `>=`, `>`, `<=`, `<`, `=` or a `from..to` range. A query that does not parse is refused.
 */
export function compileAqs(query: string, now: Date = new Date()): Predicate {
  const tokens = tokenize(query);
  if (tokens.length === 0) return () => true;
  const parser = new Parser(tokens, now);
  const predicate = parser.parseOr();
  if (!parser.done()) throw malformed();
  return predicate;
}

type Token = { kind: 'word'; text: string } | { kind: 'phrase'; text: string } | { kind: '(' } | { kind: ')' };

function malformed(): ItemError {
  return new ItemError('ErrorInvalidRestriction', 'The query string is not valid Advanced Query Syntax.');
}

function tokenize(query: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch)) i++;
    else if (ch === '(' || ch === ')') {
      out.push({ kind: ch });
      i++;
    } else if (ch === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) throw malformed();
      out.push({ kind: 'phrase', text: query.slice(i + 1, end) });
      i = end + 1;
    } else {
      let j = i;
      while (j < query.length && !/[\s()"]/.test(query[j])) j++;
      out.push({ kind: 'word', text: query.slice(i, j) });
      i = j;
    }
  }
  return out;
}

type Field = (item: Item, mailbox: Mailbox) => string[];

const addressTexts = (list: (Address | undefined)[]) => list.flatMap((a) => (a ? [a.name ?? '', a.address] : []));

const TEXT_FIELDS: Record<string, Field> = {
  subject: (i) => [i.data.subject],
  title: (i) => [i.data.subject],
  from: (i) => addressTexts([i.data.from, i.data.sender]),
  to: (i) => addressTexts(i.data.to),
  cc: (i) => addressTexts(i.data.cc),
  bcc: (i) => addressTexts(i.data.bcc),
  participants: (i) => addressTexts([i.data.from, ...i.data.to, ...i.data.cc]),
  body: (i) => [searchableBody(i.data.body)],
  attachment: (i) => i.attachments.map((a) => a.name),
  attachments: (i) => i.attachments.map((a) => a.name),
  category: (i) => i.data.categories,
  importance: (i) => [i.data.importance],
};

const ANYWHERE: Field = (i) => [i.data.subject, searchableBody(i.data.body), ...addressTexts([i.data.from]), ...i.attachments.map((a) => a.name)];

const DATE_FIELDS: Record<string, (item: Item) => Date> = {
  received: (i) => i.data.dateTimeReceived,
  sent: (i) => i.data.dateTimeSent,
};

const BOOL_FIELDS: Record<string, (item: Item) => boolean> = {
  hasattachment: hasAttachments,
  hasattachments: hasAttachments,
  isread: (i) => i.data.isRead,
  // The store keeps no follow-up flags: nothing is flagged.
  isflagged: () => false,
};

/** kind: values and whether an item of the store (all e-mail) is of that kind. */
const KINDS: Record<string, boolean> = {
  email: true, emails: true,
  meeting: false, meetings: false, task: false, tasks: false, note: false, notes: false, contact: false, contacts: false,
  doc: false, docs: false, faxes: false, im: false, journals: false, voicemail: false, feeds: false, posts: false, rssfeeds: false,
};

const DAY = 86_400_000;

class Parser {
  private pos = 0;
  /** The property a prop:( … ) group is about, while it is parsed. */
  private property: string | undefined;

  constructor(
    private readonly tokens: Token[],
    private readonly now: Date,
  ) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOperator(t: Token | undefined, op: string): boolean {
    return t?.kind === 'word' && t.text === op;
  }

  parseOr(): Predicate {
    const parts = [this.parseAnd()];
    while (this.isOperator(this.peek(), 'OR')) {
      this.pos++;
      parts.push(this.parseAnd());
    }
    return parts.length === 1 ? parts[0] : (i, m) => parts.some((p) => p(i, m));
  }

  private parseAnd(): Predicate {
    const parts = [this.parseUnary()];
    for (;;) {
      const t = this.peek();
      if (!t || t.kind === ')' || this.isOperator(t, 'OR')) break;
      if (this.isOperator(t, 'AND')) this.pos++;
      parts.push(this.parseUnary());
    }
    return parts.length === 1 ? parts[0] : (i, m) => parts.every((p) => p(i, m));
  }

  private parseUnary(): Predicate {
    if (this.isOperator(this.peek(), 'NOT')) {
      this.pos++;
      const inner = this.parseUnary();
      return (i, m) => !inner(i, m);
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Predicate {
    const t = this.tokens[this.pos++];
    if (!t || t.kind === ')' || this.isOperator(t, 'AND') || this.isOperator(t, 'OR')) throw malformed();
    if (t.kind === '(') {
      const inner = this.parseOr();
      if (this.tokens[this.pos++]?.kind !== ')') throw malformed();
      return inner;
    }
    // Inside prop:( … ), bare words and phrases are values of that property.
    if (this.property !== undefined && (t.kind === 'phrase' || !/^[a-z]+:/i.test(t.text))) return this.propertyTerm(this.property, t.text, t.kind === 'phrase');
    if (t.kind === 'phrase') return textTerm(ANYWHERE, t.text, true);
    const colon = t.text.indexOf(':');
    const prop = colon > 0 ? t.text.slice(0, colon).toLowerCase() : '';
    if (!(prop in TEXT_FIELDS || prop in DATE_FIELDS || prop in BOOL_FIELDS || prop === 'kind' || prop === 'size')) {
      // Not a known property: AQS searches the whole text for it.
      return textTerm(ANYWHERE, t.text, false);
    }
    let value = t.text.slice(colon + 1);
    let phrase = false;
    if (value === 'NOT') {
      // prop:NOT a — the term after it, about that property, negated.
      const inner = this.within(prop, () => this.parseUnary());
      return (i, m) => !inner(i, m);
    }
    if (value === '') {
      const next = this.tokens[this.pos];
      // prop:(a OR b), prop:NOT a: the group or the negated term is about that property.
      if (next?.kind === '(' || this.isOperator(next, 'NOT')) return this.within(prop, () => this.parseUnary());
      this.pos++;
      if (next?.kind !== 'phrase') throw malformed();
      value = next.text;
      phrase = true;
    }
    return this.propertyTerm(prop, value, phrase);
  }

  /** A term about property `prop`: words and phrases inside `parse` search it rather than everything. */
  private within(prop: string, parse: () => Predicate): Predicate {
    const outer = this.property;
    this.property = prop;
    try {
      return parse();
    } finally {
      this.property = outer;
    }
  }

  private propertyTerm(prop: string, value: string, phrase: boolean): Predicate {
    if (prop === 'kind') {
      const kind = KINDS[value.toLowerCase()];
      if (kind === undefined) throw malformed();
      return () => kind;
    }
    if (prop === 'size') return this.sizeTerm(value);
    if (prop in DATE_FIELDS) return this.dateTerm(DATE_FIELDS[prop], value);
    if (prop in BOOL_FIELDS) {
      const v = value.toLowerCase();
      if (v !== 'true' && v !== 'false') throw malformed();
      const get = BOOL_FIELDS[prop];
      return (i) => get(i) === (v === 'true');
    }
    return textTerm(TEXT_FIELDS[prop], value, phrase);
  }

  private dateTerm(get: (item: Item) => Date, value: string): Predicate {
    const range = value.split('..');
    if (range.length === 2) {
      const from = this.day(range[0]);
      const to = this.day(range[1]) + DAY;
      return (i) => get(i).getTime() >= from && get(i).getTime() < to;
    }
    const m = /^(>=|<=|>|<|=)?(.+)$/.exec(value);
    if (!m) throw malformed();
    const start = this.day(m[2]);
    const end = start + DAY;
    const t = (i: Item) => get(i).getTime();
    switch (m[1]) {
      case '>=':
        return (i) => t(i) >= start;
      case '>':
        return (i) => t(i) >= end;
      case '<=':
        return (i) => t(i) < end;
      case '<':
        return (i) => t(i) < start;
      default:
        return (i) => t(i) >= start && t(i) < end;
    }
  }

  /** size: in bytes, with >, >=, <, <=, = or a from..to range. */
  private sizeTerm(value: string): Predicate {
    const num = (s: string) => {
      if (!/^\d+$/.test(s)) throw malformed();
      return Number(s);
    };
    const range = value.split('..');
    if (range.length === 2) {
      const [from, to] = [num(range[0]), num(range[1])];
      return (i) => i.size >= from && i.size <= to;
    }
    const m = /^(>=|<=|>|<|=)?(.+)$/.exec(value);
    if (!m) throw malformed();
    const n = num(m[2]);
    switch (m[1]) {
      case '>=':
        return (i) => i.size >= n;
      case '>':
        return (i) => i.size > n;
      case '<=':
        return (i) => i.size <= n;
      case '<':
        return (i) => i.size < n;
      default:
        return (i) => i.size === n;
    }
  }

  /** Midnight UTC of a day written YYYY-MM-DD, M/D/YYYY, today or yesterday. */
  private day(text: string): number {
    const today = Date.UTC(this.now.getUTCFullYear(), this.now.getUTCMonth(), this.now.getUTCDate());
    const lower = text.toLowerCase();
    if (lower === 'today') return today;
    if (lower === 'yesterday') return today - DAY;
    let y: number, mo: number, d: number;
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [y, mo, d] = [Number(m[3]), Number(m[1]), Number(m[2])];
    else throw malformed();
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw malformed();
    return t;
  }
}

function textTerm(field: Field, value: string, phrase: boolean): Predicate {
  if (value.trim() === '') return () => true;
  const mode = phrase ? 'ExactPhrase' : 'PrefixOnWords';
  return (item, mailbox) => field(item, mailbox).some((text) => containsText(text, value, mode, 'IgnoreCaseAndNonSpacingCharacters'));
}
