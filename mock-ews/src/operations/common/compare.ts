import { ewsTime } from './schema-values';
import { ItemError } from '../../soap/error-catalogue';
import type { Address } from '../../store/types';
import { IMPORTANCE_RANK, ValueKind } from './item-properties';

/** Exchange compares strings without regard to case (the store's default collation). */
const collator = new Intl.Collator('en', { sensitivity: 'accent' });

export type Value = string | Date | boolean | number | Address | string[];

/** A restriction constant (t:Constant Value) read as the property's type. */
export function parseConstant(kind: ValueKind, raw: string): Value {
  switch (kind) {
    case 'date': {
      const t = ewsTime(raw);
      if (t === undefined) throw new ItemError('ErrorInvalidValueForProperty');
      return new Date(t);
    }
    case 'bool': {
      const v = raw.trim().toLowerCase();
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      throw new ItemError('ErrorInvalidValueForProperty');
    }
    case 'int': {
      if (!/^\s*-?\d+\s*$/.test(raw)) throw new ItemError('ErrorInvalidValueForProperty');
      return Number(raw);
    }
    case 'importance': {
      if (!(raw in IMPORTANCE_RANK)) throw new ItemError('ErrorInvalidValueForProperty');
      return raw;
    }
    default:
      return raw;
  }
}

/** Orders two values of one kind; strings case-insensitively, importance by rank. */
export function compareValues(kind: ValueKind, a: Value, b: Value): number {
  switch (kind) {
    case 'date':
      return (a as Date).getTime() - (b as Date).getTime();
    case 'int':
      return (a as number) - (b as number);
    case 'bool':
      return Number(a) - Number(b);
    case 'importance':
      return IMPORTANCE_RANK[a as string] - IMPORTANCE_RANK[b as string];
    case 'address':
      return collator.compare(addressKey(a), addressKey(b));
    case 'strings':
      return collator.compare((a as string[]).join(';'), (b as string[]).join(';'));
    default:
      return collator.compare(a as string, b as string);
  }
}

function addressKey(v: Value): string {
  return typeof v === 'string' ? v : (v as Address).name || (v as Address).address;
}

/** Equality as IsEqualTo sees it: an address equals a constant naming its address or its display name. */
export function valuesEqual(kind: ValueKind, a: Value, b: Value): boolean {
  if (kind === 'address') {
    const left = a as Address;
    if (typeof b === 'string') return collator.compare(left.address, b) === 0 || (left.name !== undefined && collator.compare(left.name, b) === 0);
    return collator.compare(left.address, (b as Address).address) === 0;
  }
  if (kind === 'strings') {
    const right = typeof b === 'string' ? [b] : (b as string[]);
    return (a as string[]).some((x) => right.some((y) => collator.compare(x, y) === 0));
  }
  return compareValues(kind, a, b) === 0;
}

export function compareStrings(a: string, b: string): number {
  return collator.compare(a, b);
}
