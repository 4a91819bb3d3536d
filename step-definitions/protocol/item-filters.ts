import * as ews from 'ews-javascript-api';

/**
 * A small filter language for feature files, compiled to ews-javascript-api SearchFilters so that
 * scenarios read like the question a user asks:
 *   received >= 2026-11-01T00:00:00Z and not (isread = true or importance = Low)
 *   subject contains "invoice"        (Substring, IgnoreCase)
 *   subject starts with "inv"         (Prefixed, IgnoreCase)
 *   subject has the word prefix "plan" (PrefixOnWords, IgnoreCase)
 *   subject is exactly "Invoice 4711" (FullString, Exact)
 *   exists categories
 * Comparisons: = != > >= < <=. Values: "quoted text", ISO date-times, true/false, numbers, and
 * High/Normal/Low for importance.
 */

const FIELDS: Record<string, ews.PropertyDefinitionBase> = {
  subject: ews.ItemSchema.Subject,
  received: ews.ItemSchema.DateTimeReceived,
  sent: ews.ItemSchema.DateTimeSent,
  created: ews.ItemSchema.DateTimeCreated,
  isread: ews.EmailMessageSchema.IsRead,
  hasattachments: ews.ItemSchema.HasAttachments,
  importance: ews.ItemSchema.Importance,
  from: ews.EmailMessageSchema.From,
  sender: ews.EmailMessageSchema.Sender,
  body: ews.ItemSchema.Body,
  categories: ews.ItemSchema.Categories,
  size: ews.ItemSchema.Size,
  to: ews.EmailMessageSchema.ToRecipients,
};

export function propertyNamed(name: string): ews.PropertyDefinitionBase {
  const p = FIELDS[name.toLowerCase()];
  if (!p) throw new Error(`unknown property "${name}" in a feature file (known: ${Object.keys(FIELDS).join(', ')})`);
  return p;
}

function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /\s*("([^"]*)"|\(|\)|>=|<=|!=|=|>|<|[^\s()"=<>!]+)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) out.push(m[1]);
  if (re.lastIndex < text.trimEnd().length) throw new Error(`cannot read the filter "${text}"`);
  return out;
}

function value(token: string): unknown {
  if (token.startsWith('"')) return token.slice(1, -1);
  if (token === 'true' || token === 'false') return token === 'true';
  if (/^\d{4}-\d{2}-\d{2}T/.test(token)) return ews.DateTime.Parse(token);
  if (/^-?\d+$/.test(token)) return Number(token);
  // ews-javascript-api writes enum members as numbers ("2" for High), which Exchange does not
  // accept as an Importance constant; the name is what goes on the wire.
  if (['High', 'Normal', 'Low'].includes(token)) return token;
  throw new Error(`cannot read the value ${token}`);
}

export function parseFilter(text: string): ews.SearchFilter {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error(`the filter "${text}" ends too early`);
    return t;
  };
  const expect = (word: string) => {
    const t = next();
    if (t !== word) throw new Error(`expected "${word}" in "${text}", found "${t}"`);
  };

  const or = (): ews.SearchFilter => {
    const parts = [and()];
    while (peek() === 'or') {
      pos++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0] : new ews.SearchFilter.SearchFilterCollection(ews.LogicalOperator.Or, parts);
  };
  const and = (): ews.SearchFilter => {
    const parts = [unary()];
    while (peek() === 'and') {
      pos++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0] : new ews.SearchFilter.SearchFilterCollection(ews.LogicalOperator.And, parts);
  };
  const unary = (): ews.SearchFilter => {
    if (peek() === 'not') {
      pos++;
      return new ews.SearchFilter.Not(unary());
    }
    if (peek() === '(') {
      pos++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (peek() === 'exists') {
      pos++;
      return new ews.SearchFilter.Exists(propertyNamed(next()));
    }
    return comparison();
  };
  const comparison = (): ews.SearchFilter => {
    const prop = propertyNamed(next());
    const op = next();
    const S = ews.SearchFilter;
    const contains = (mode: ews.ContainmentMode, cmp: ews.ComparisonMode) => new S.ContainsSubstring(prop, value(next()) as string, mode, cmp);
    switch (op) {
      case 'contains':
        return contains(ews.ContainmentMode.Substring, ews.ComparisonMode.IgnoreCase);
      case 'starts':
        expect('with');
        return contains(ews.ContainmentMode.Prefixed, ews.ComparisonMode.IgnoreCase);
      case 'has':
        expect('the');
        expect('word');
        expect('prefix');
        return contains(ews.ContainmentMode.PrefixOnWords, ews.ComparisonMode.IgnoreCase);
      case 'is':
        expect('exactly');
        return contains(ews.ContainmentMode.FullString, ews.ComparisonMode.Exact);
      case '=':
        return new S.IsEqualTo(prop, value(next()));
      case '!=':
        return new S.IsNotEqualTo(prop, value(next()));
      case '>':
        return new S.IsGreaterThan(prop, value(next()));
      case '>=':
        return new S.IsGreaterThanOrEqualTo(prop, value(next()));
      case '<':
        return new S.IsLessThan(prop, value(next()));
      case '<=':
        return new S.IsLessThanOrEqualTo(prop, value(next()));
      default:
        throw new Error(`unknown operator "${op}" in "${text}"`);
    }
  };
  const filter = or();
  if (pos !== tokens.length) throw new Error(`unexpected "${tokens[pos]}" in "${text}"`);
  return filter;
}
