import { ItemError, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import type { Address, Item, Mailbox } from '../../store/types';
import { compareValues, parseConstant, Value, valuesEqual } from './compare';
import { isPathElement, resolvePath } from './field-path';
import type { FieldAccessor } from './item-properties';
import { containsText, ContainmentComparison, ContainmentMode, CONTAINMENT_COMPARISONS, CONTAINMENT_MODES } from './text-match';

/** A compiled restriction: does this item match? */
export type Predicate = (item: Item, mailbox: Mailbox) => boolean;

const COMPARISONS: Record<string, (c: number) => boolean> = {
  IsEqualTo: (c) => c === 0,
  IsNotEqualTo: (c) => c !== 0,
  IsGreaterThan: (c) => c > 0,
  IsGreaterThanOrEqualTo: (c) => c >= 0,
  IsLessThan: (c) => c < 0,
  IsLessThanOrEqualTo: (c) => c <= 0,
};

const EXPRESSIONS = ['Exists', 'Excludes', 'Contains', 'Not', 'And', 'Or', ...Object.keys(COMPARISONS)];

/**
 * Compiles m:Restriction into a predicate. Structural mistakes are schema faults (HTTP 500);
 * a property the store cannot query or a constant of the wrong type is a per-folder error.
 */
export function compileRestriction(restriction: XmlElement): Predicate {
  const kids = restriction.children;
  if (kids.length !== 1) {
    throw schemaFault(
      kids.length === 0
        ? `The element 'Restriction' in namespace '${NS.m}' has incomplete content. List of possible elements expected: 'SearchExpression' in namespace '${NS.t}'.`
        : `The element 'Restriction' in namespace '${NS.m}' has invalid child element ${kids[1].qname}.`,
      restriction.line,
    );
  }
  return compile(kids[0]);
}

function compile(el: XmlElement): Predicate {
  if (el.ns !== NS.t || !EXPRESSIONS.includes(el.local)) {
    throw schemaFault(`The element ${el.parent?.qname ?? ''} has invalid child element ${el.qname}.`, el.line);
  }
  switch (el.local) {
    case 'And':
    case 'Or': {
      if (el.children.length === 0) throw incomplete(el, 'SearchExpression');
      const parts = el.children.map(compile);
      return el.local === 'And' ? (i, m) => parts.every((p) => p(i, m)) : (i, m) => parts.some((p) => p(i, m));
    }
    case 'Not': {
      if (el.children.length !== 1) throw el.children.length === 0 ? incomplete(el, 'SearchExpression') : invalidChild(el, el.children[1]);
      const inner = compile(el.children[0]);
      return (i, m) => !inner(i, m);
    }
    case 'Exists': {
      const { accessor } = resolvePath(onlyPath(el), 'ErrorUnsupportedPathForQuery');
      // Flags share one property in the store; Exchange asks for IsEqualTo instead.
      if (accessor.flag) throw new ItemError('ErrorInvalidPropertyForExists');
      return (i, m) => accessor.get(i, m) !== undefined;
    }
    case 'Excludes':
      return compileExcludes(el);
    case 'Contains':
      return compileContains(el);
    default:
      return compileComparison(el, COMPARISONS[el.local]);
  }
}

/**
 * Excludes: an integer property none of whose Bitmask bits are set (a flag not raised: PR_MESSAGE_FLAGS
 * without MSGFLAG_READ is unread). The mask is decimal or 0x-hexadecimal; a property that is not an
 * integer is ErrorUnsupportedPathForQuery; an item without the property does not match.
 */
function compileExcludes(el: XmlElement): Predicate {
  const [pathEl, maskEl] = el.children;
  if (!pathEl || !isPathElement(pathEl)) throw pathEl ? invalidChild(el, pathEl) : incomplete(el, 'Path');
  if (!maskEl || maskEl.ns !== NS.t || maskEl.local !== 'Bitmask') throw maskEl ? invalidChild(el, maskEl) : incomplete(el, 'Bitmask');
  if (el.children.length > 2) throw invalidChild(el, el.children[2]);
  const raw = maskEl.attr('Value');
  if (raw === undefined) throw schemaFault("The required attribute 'Value' is missing.", maskEl.line);
  const { accessor } = resolvePath(pathEl, 'ErrorUnsupportedPathForQuery');
  if (accessor.kind !== 'int') throw new ItemError('ErrorUnsupportedPathForQuery');
  const text = raw.trim();
  const mask = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text.slice(2), 16) : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(mask)) throw new ItemError('ErrorInvalidValueForProperty');
  return (item, mailbox) => {
    const value = accessor.get(item, mailbox);
    return typeof value === 'number' && (value & mask) === 0;
  };
}

function compileComparison(el: XmlElement, test: (c: number) => boolean): Predicate {
  const [pathEl, operandEl] = el.children;
  if (!pathEl || !isPathElement(pathEl)) throw pathEl ? invalidChild(el, pathEl) : incomplete(el, 'Path');
  if (!operandEl || operandEl.ns !== NS.t || operandEl.local !== 'FieldURIOrConstant') throw operandEl ? invalidChild(el, operandEl) : incomplete(el, 'FieldURIOrConstant');
  if (el.children.length > 2) throw invalidChild(el, el.children[2]);
  const { accessor } = resolvePath(pathEl, 'ErrorUnsupportedPathForQuery');
  const right = readOperand(operandEl, accessor);
  const equality = el.local === 'IsEqualTo' || el.local === 'IsNotEqualTo';
  return (item, mailbox) => {
    const left = accessor.get(item, mailbox) as Value | undefined;
    const other = right(item, mailbox);
    // A property the item lacks never satisfies a comparison, as in the store's restrictions.
    if (left === undefined || other === undefined) return false;
    if (equality) return valuesEqual(accessor.kind, left, other) === (el.local === 'IsEqualTo');
    return test(compareValues(accessor.kind, left, other));
  };
}

/** The right-hand side: a constant read as the left property's type, or another property. */
function readOperand(el: XmlElement, left: FieldAccessor): (item: Item, mailbox: Mailbox) => Value | undefined {
  const inner = el.children[0];
  if (!inner || el.children.length > 1) throw inner ? invalidChild(el, el.children[1]) : incomplete(el, 'Path');
  if (inner.ns === NS.t && inner.local === 'Constant') {
    const raw = inner.attr('Value');
    if (raw === undefined) throw schemaFault("The required attribute 'Value' is missing.", inner.line);
    const value = parseConstant(left.kind, raw);
    return () => value;
  }
  if (!isPathElement(inner)) throw invalidChild(el, inner);
  const { accessor } = resolvePath(inner, 'ErrorUnsupportedPathForQuery');
  if (accessor.kind !== left.kind) throw new ItemError('ErrorInvalidRestriction');
  return (item, mailbox) => accessor.get(item, mailbox) as Value | undefined;
}

function compileContains(el: XmlElement): Predicate {
  const mode = (el.attr('ContainmentMode') ?? 'FullString') as ContainmentMode;
  const comparison = (el.attr('ContainmentComparison') ?? 'Exact') as ContainmentComparison;
  if (!CONTAINMENT_MODES.includes(mode)) throw enumFault(el, 'ContainmentMode', mode, 'ContainmentModeType');
  if (!CONTAINMENT_COMPARISONS.includes(comparison)) throw enumFault(el, 'ContainmentComparison', comparison, 'ContainmentComparisonType');
  const [pathEl, constantEl] = el.children;
  if (!pathEl || !isPathElement(pathEl)) throw pathEl ? invalidChild(el, pathEl) : incomplete(el, 'Path');
  if (!constantEl || constantEl.ns !== NS.t || constantEl.local !== 'Constant') throw constantEl ? invalidChild(el, constantEl) : incomplete(el, 'Constant');
  const needle = constantEl.attr('Value');
  if (needle === undefined) throw schemaFault("The required attribute 'Value' is missing.", constantEl.line);
  const { accessor } = resolvePath(pathEl, 'ErrorUnsupportedPathForQuery');
  // Contains is a text search: only text properties (and addresses, by name or address) take it.
  if (!['string', 'address', 'strings'].includes(accessor.kind)) throw new ItemError('ErrorUnsupportedPathForQuery');
  return (item, mailbox) => {
    const value = accessor.get(item, mailbox);
    if (value === undefined) return false;
    return textsOf(value as string | Address | string[]).some((t) => containsText(t, needle, mode, comparison));
  };
}

function textsOf(v: string | Address | string[]): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v;
  return v.name ? [v.name, v.address] : [v.address];
}

function onlyPath(el: XmlElement): XmlElement {
  const [p] = el.children;
  if (!p) throw incomplete(el, 'Path');
  if (!isPathElement(p)) throw invalidChild(el, p);
  if (el.children.length > 1) throw invalidChild(el, el.children[1]);
  return p;
}

function incomplete(el: XmlElement, expected: string) {
  return schemaFault(`The element ${el.qname} has incomplete content. List of possible elements expected: '${expected}' in namespace '${NS.t}'.`, el.line);
}

function invalidChild(el: XmlElement, child: XmlElement) {
  return schemaFault(`The element ${el.qname} has invalid child element ${child.qname}.`, child.line);
}

function enumFault(el: XmlElement, attr: string, value: string, type: string) {
  return schemaFault(
    `The '${attr}' attribute is invalid - The value '${value}' is invalid according to its datatype '${NS.t}:${type}' - The Enumeration constraint failed.`,
    el.line,
  );
}
