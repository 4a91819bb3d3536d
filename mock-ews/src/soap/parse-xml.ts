import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XmlElement } from './xml-element';
import { NS } from './namespaces';
import { saxTree } from './sax-tree';

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const options = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  commentPropName: '#comment',
} as const;

// Only the five XML entities and numeric references are decoded; DOCTYPEs are refused before
// parsing, so no declared entity can ever be expanded.
const parser = new XMLParser({ ...options, processEntities: true, htmlEntities: true });

// Entity decoding runs a list of replacements over every text and attribute value, about three
// quarters of the parse time of a typical request; a document without any '&' has nothing to
// decode, so it is parsed without it and gives the same tree.
const plainParser = new XMLParser({ ...options, processEntities: false, htmlEntities: false });

/** Maximum element depth accepted; deeper documents are hostile, not real EWS requests. */
export const MAX_DEPTH = 256;

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses an XML document into a namespace-resolved tree. Refuses DTDs and excessive nesting. */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE/i.test(text)) {
    const { line, column } = position(text, text.search(/<!DOCTYPE/i));
    throw new XmlSyntaxError(
      'For security reasons DTD is prohibited in this XML document. To enable DTD processing set the DtdProcessing property on XmlReaderSettings to Parse and pass the settings into XmlReader.Create method.',
      line,
      column,
    );
  }
  if (/<!ENTITY/i.test(text)) {
    const { line, column } = position(text, text.search(/<!ENTITY/i));
    throw new XmlSyntaxError('Entity declarations are not allowed.', line, column);
  }
  // The common case, a well-formed request, in one streaming pass. A carriage return keeps the
  // document on the path below, which leaves it in text as it came (saxes would normalise it).
  if (!text.includes('\r')) {
    const tree = saxTree(text, MAX_DEPTH, startLines(text).next);
    if (tree) return tree;
  }
  return parseChecked(text);
}

/** The strict path: every check in turn, each refusal worded as .NET's XmlReader words it. */
function parseChecked(text: string): XmlElement {
  checkDepth(text);
  checkEntityReferences(text);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    // The validator reports a truncated document as "Invalid '[names]' found."; say it as .NET does.
    const open = valid.err.code === 'InvalidXml' ? /^Invalid '\[([\s\S]*)\]' found\.$/.exec(valid.err.msg) : null;
    if (open) {
      const names = open[1].split(',').map((n) => n.trim().replace(/^"|"$/g, '')).filter(Boolean);
      const end = position(text, text.length);
      throw new XmlSyntaxError(`Unexpected end of file has occurred. The following elements are not closed: ${names.join(', ')}.`, end.line, end.column);
    }
    throw new XmlSyntaxError(valid.err.msg, valid.err.line, valid.err.col);
  }
  const ordered = (text.includes('&') ? parser : plainParser).parse(text) as Ordered[];
  const lines = startLines(text);
  const roots = ordered.filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1) throw new XmlSyntaxError('Data at the root level is invalid.', 1, 1);
  return build(roots[0], null, new Map([['xml', NS.xml]]), lines);
}

function elementName(node: Ordered): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#comment' && !k.startsWith('?'));
}

function build(node: Ordered, parent: XmlElement | null, scope: Map<string, string>, lines: LineCursor): XmlElement {
  const qname = elementName(node)!;
  const rawAttrs = node[':@'] ?? {};
  let ns = scope;
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (ns === scope) ns = new Map(scope);
      ns.set(k === 'xmlns' ? '' : k.slice(6), v);
    }
  }
  const attrs = new Map<string, string>();
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    // Attributes are kept by local name: EWS attributes are unqualified (xsi:type aside).
    const colon = k.indexOf(':');
    attrs.set(colon >= 0 ? k.slice(colon + 1) : k, String(v));
  }
  const colon = qname.indexOf(':');
  const prefix = colon >= 0 ? qname.slice(0, colon) : '';
  const local = colon >= 0 ? qname.slice(colon + 1) : qname;
  const uri = ns.get(prefix);
  if (uri === undefined && prefix !== '') {
    throw new XmlSyntaxError(`'${prefix}' is an undeclared prefix.`, lines.next(qname), 1);
  }
  const el = new XmlElement(uri ?? '', local, attrs, parent, lines.next(qname));
  const kids = (node[qname] as Ordered[]) ?? [];
  for (const kid of kids) {
    if ('#text' in kid) el.appendText(String(kid['#text']));
    else if (elementName(kid) !== undefined) el.children.push(build(kid, el, ns, lines));
  }
  return el;
}

/** Hands out the line numbers of start tags in document order. */
interface LineCursor {
  next(qname: string): number;
}

function startLines(text: string): LineCursor {
  let index = 0;
  let line = 1;
  let lineScanned = 0;
  return {
    next(qname: string): number {
      const at = text.indexOf('<' + qname, index);
      if (at < 0) return line;
      for (let i = lineScanned; i < at; i++) if (text.charCodeAt(i) === 10) line++;
      lineScanned = at;
      index = at + 1;
      return line;
    },
  };
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/** Only the five predefined entities and character references exist without a DTD. */
function checkEntityReferences(text: string): void {
  // Most requests have no reference at all: skip the copy without CDATA and comments.
  if (!text.includes('&')) return;
  const withoutCdata = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
  const re = /&([^;\s<&]*);?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(withoutCdata))) {
    if (/^(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+)$/.test(m[1]) && m[0].endsWith(';')) continue;
    const { line, column } = position(text, m.index);
    throw new XmlSyntaxError(m[0].endsWith(';') ? `Reference to undeclared entity '${m[1]}'.` : "An error occurred while parsing EntityName.", line, column);
  }
}

function checkDepth(text: string): void {
  let depth = 0;
  const re = /<(\/?)([A-Za-z_][^\s/>]*)[^>]*?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1]) depth--;
    else if (!m[3]) {
      depth++;
      if (depth > MAX_DEPTH) {
        const { line, column } = position(text, m.index);
        throw new XmlSyntaxError(`The XML document exceeds the maximum element depth of ${MAX_DEPTH}.`, line, column);
      }
    }
  }
}
