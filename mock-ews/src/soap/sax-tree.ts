import { SaxesParser, SaxesTagNS } from 'saxes';
import { XmlElement } from './xml-element';

/**
 * Builds the element tree of a well-formed document in one streaming pass (saxes: strict,
 * namespace-aware). Returns undefined for anything it refuses, and for documents deeper than
 * `maxDepth`; parse-xml.ts then takes its slower path, which words the refusal as Exchange does.
 * `lineOf` gives the line of each start tag, in document order.
 */
export function saxTree(text: string, maxDepth: number, lineOf: (qname: string) => number): XmlElement | undefined {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  let depth = 0;
  let refused = false;
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (refused) return;
    if (++depth > maxDepth) {
      refused = true;
      return;
    }
    const attrs = new Map<string, string>();
    for (const name in tag.attributes) {
      const a = tag.attributes[name];
      // Namespace declarations are not attributes; the rest are kept by local name (EWS's are unqualified).
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs.set(a.local, a.value);
    }
    const el = new XmlElement(tag.uri, tag.local, attrs, current ?? null, lineOf(tag.name));
    if (current) current.children.push(el);
    else root = el;
    current = el;
  });
  parser.on('closetag', () => {
    if (refused || !current) return;
    depth--;
    current = current.parent ?? undefined;
  });
  const onText = (t: string) => {
    if (!refused && current) current.appendText(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch {
    return undefined;
  }
  return refused ? undefined : root;
}
