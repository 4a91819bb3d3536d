/**
 * A small XML writer for responses: elements are plain objects holding their qualified name,
 * attributes and children, serialised once at the end by string concatenation. There is no
 * namespace resolution: a prefix's xmlns declaration is written as an ordinary attribute by the
 * code that builds the element, exactly where the response needs it.
 *
 * The output form is fixed: no whitespace between elements (unless a document asks to be indented),
 * an element without children as `<x/>`, an element holding an empty text as `<x></x>`.
 */

/** Text known to need no escaping, written as it is. */
class Verbatim {
  constructor(readonly text: string) {}
}

/** An element already written out as markup (XmlNode.emptyVerbatim); it is not text. */
class Markup {
  constructor(readonly markup: string) {}
}

type Child = XmlNode | Verbatim | Markup | string;

export class XmlNode {
  /** Attribute names and raw values, alternating, in the order they were first set. */
  private attrs: string[] | undefined;
  /** Child elements and raw (unescaped) text runs, in order. */
  private kids: Child[] | undefined;

  constructor(readonly name: string) {}

  /** Appends a child element, with attributes in the object's order, and returns it. */
  ele(name: string, attrs?: Readonly<Record<string, string>>): XmlNode {
    const child = new XmlNode(name);
    if (attrs) for (const k in attrs) child.att(k, attrs[k]);
    (this.kids ??= []).push(child);
    return child;
  }

  /** Sets an attribute; setting one that exists replaces its value in place. */
  att(name: string, value: string): this {
    const attrs = (this.attrs ??= []);
    for (let i = 0; i < attrs.length; i += 2) {
      if (attrs[i] === name) {
        attrs[i + 1] = value;
        return this;
      }
    }
    attrs.push(name, value);
    return this;
  }

  /**
   * Appends an empty element whose attribute values (name, value, name, value…) cannot contain a
   * character needing escape — the base64 ids and ChangeKeys every item and folder carries — as
   * markup at once: no node, no attribute list, no escaping scan. Nothing can be added to it later.
   */
  emptyVerbatim(name: string, ...attrs: string[]): void {
    let markup = '<' + name;
    for (let i = 0; i < attrs.length; i += 2) markup += ' ' + attrs[i] + '="' + attrs[i + 1] + '"';
    (this.kids ??= []).push(new Markup(markup + '/>'));
  }

  /** Appends a text run. An empty one still counts as content: the element is written open/close. */
  txt(text: string): this {
    (this.kids ??= []).push(text);
    return this;
  }

  /**
   * Appends text that cannot contain a character needing escape (base64, say), skipping the scan
   * of a long string for characters that are not there.
   */
  verbatim(text: string): this {
    (this.kids ??= []).push(new Verbatim(text));
    return this;
  }

  /** Removes every child (attributes stay). */
  clear(): this {
    this.kids = undefined;
    return this;
  }

  /** The text of the first element named `name` at or below this one, depth first. */
  firstText(name: string): string | undefined {
    if (this.name === name) return this.text();
    for (const k of this.kids ?? []) {
      if (!(k instanceof XmlNode)) continue;
      const found = k.firstText(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** The concatenated text runs directly inside this element. */
  text(): string {
    let out = '';
    for (const k of this.kids ?? []) {
      if (typeof k === 'string') out += k;
      else if (k instanceof Verbatim) out += k.text;
    }
    return out;
  }

  /** This element and everything below it as markup. */
  toString(): string {
    const sink = new TextSink();
    this.writeTo(sink);
    return sink.text;
  }

  /** Appends this element's markup to `sink`. */
  writeTo(sink: MarkupSink): void {
    const { kids } = this;
    if (!kids || kids.length === 0) {
      sink.add('<' + this.name + this.attributes() + '/>');
      return;
    }
    sink.add('<' + this.name + this.attributes() + '>');
    for (const k of kids) {
      if (typeof k === 'string') sink.add(escapeText(k));
      else if (k instanceof XmlNode) k.writeTo(sink);
      else if (k instanceof Verbatim) sink.add(k.text);
      else sink.add(k.markup);
    }
    sink.add('</' + this.name + '>');
  }

  /**
   * Indented form for documents people read (schemas): each element on a line of its own, two
   * spaces a level; an element holding only text stays on one line.
   */
  writePretty(out: string, indent: string): string {
    const { kids } = this;
    if (!kids || kids.length === 0 || !kids.some((k) => k instanceof XmlNode || k instanceof Markup)) return out + indent + this.toString();
    out += indent + '<' + this.name + this.attributes() + '>';
    for (const k of kids) {
      if (k instanceof XmlNode) out = k.writePretty(out + '\n', indent + '  ');
      else if (k instanceof Markup) out += '\n' + indent + '  ' + k.markup;
      else out += '\n' + indent + '  ' + (typeof k === 'string' ? escapeText(k) : k.text);
    }
    return out + '\n' + indent + '</' + this.name + '>';
  }

  private attributes(): string {
    let out = '';
    const { attrs } = this;
    if (attrs) for (let i = 0; i < attrs.length; i += 2) out += ' ' + attrs[i] + '="' + escapeAttribute(attrs[i + 1]) + '"';
    return out;
  }
}

/** Where serialised markup goes, piece by piece. */
export interface MarkupSink {
  add(markup: string): void;
}

/** Markup as one string. */
class TextSink implements MarkupSink {
  text = '';

  add(markup: string): void {
    this.text += markup;
  }
}

/**
 * Markup as UTF-8 bytes, encoded a few KB at a time. A string grown piece by piece over a whole
 * large answer costs far more to flatten and encode in one go than its parts do: 73 KB of GetItem
 * with one non-Latin-1 character took about 0.7 ms (docs/BENCHMARKS.md, figure 1). The parts are
 * encoded into one scratch buffer shared by all documents (serialisation never waits, so two never
 * interleave) and the answer is copied out once: one allocation per answer instead of one per part
 * and another to join them.
 */
class ByteSink implements MarkupSink {
  private static readonly FLUSH_AT = 8 * 1024;
  /** Scratch kept between answers up to this size; a larger one is dropped once used. */
  private static readonly KEEP_SCRATCH = 1024 * 1024;
  private static scratch = Buffer.allocUnsafeSlow(64 * 1024);
  private pending = '';
  private length = 0;

  add(markup: string): void {
    this.pending += markup;
    if (this.pending.length >= ByteSink.FLUSH_AT) this.flush();
  }

  bytes(): Buffer {
    this.flush(true);
    const out = Buffer.allocUnsafe(this.length);
    ByteSink.scratch.copy(out, 0, 0, this.length);
    if (ByteSink.scratch.length > ByteSink.KEEP_SCRATCH) ByteSink.scratch = Buffer.allocUnsafeSlow(64 * 1024);
    return out;
  }

  /**
   * Encodes what is pending. Before the end, a trailing high surrogate waits for the next part: the
   * two halves of a character beyond U+FFFF encoded apart would each become U+FFFD.
   */
  private flush(final = false): void {
    let { pending } = this;
    if (pending === '') return;
    let carry = '';
    const last = pending.charCodeAt(pending.length - 1);
    if (!final && last >= 0xd800 && last <= 0xdbff) {
      carry = pending.slice(-1);
      pending = pending.slice(0, -1);
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
    const need = this.length + pending.length * 3;
    if (need > ByteSink.scratch.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(need, ByteSink.scratch.length * 2));
      ByteSink.scratch.copy(bigger, 0, 0, this.length);
      ByteSink.scratch = bigger;
    }
    this.length += ByteSink.scratch.write(pending, this.length, 'utf8');
    this.pending = carry;
  }
}

/** A document: the XML declaration followed by one root element. */
export class XmlDocument {
  readonly root: XmlNode;

  constructor(rootName: string) {
    this.root = new XmlNode(rootName);
  }

  /** The document as text; `pretty` indents it (see XmlNode.writePretty). */
  end(pretty = false): string {
    if (pretty) return this.root.writePretty(DECLARATION + '\n', '');
    const sink = new TextSink();
    sink.add(DECLARATION);
    this.root.writeTo(sink);
    return sink.text;
  }

  /** The document as UTF-8 bytes, as end() would give them, without one string of the whole. */
  bytes(): Buffer {
    const sink = new ByteSink();
    sink.add(DECLARATION);
    this.root.writeTo(sink);
    return sink.bytes();
  }
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/**
 * Characters XML 1.0 does not allow in a document, even escaped: C0 controls other than tab, LF
 * and CR, and U+FFFE/U+FFFF. Exchange writes them as character references (strict parsers refuse
 * those too; lenient ones, like most EWS clients', read the character back). A lone surrogate
 * needs nothing here: encoding the string as UTF-8 turns it into U+FFFD.
 */
const FORBIDDEN = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
const TEXT_SPECIAL = new RegExp(`[&<>${FORBIDDEN}]`);
const TEXT_SPECIAL_ALL = new RegExp(`[&<>${FORBIDDEN}]`, 'g');
// In attribute values tab, LF and CR are escaped too: a parser would turn them into spaces.
const ATTR_SPECIAL = new RegExp(`[&<>"\\t\\n\\r${FORBIDDEN}]`);
const ATTR_SPECIAL_ALL = new RegExp(`[&<>"\\t\\n\\r${FORBIDDEN}]`, 'g');

function reference(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    default:
      return '&#x' + c.charCodeAt(0).toString(16).toUpperCase() + ';';
  }
}

/** Text content: & < > escaped (> too, so "]]>" never appears), forbidden characters as references. */
export function escapeText(s: string): string {
  return TEXT_SPECIAL.test(s) ? s.replace(TEXT_SPECIAL_ALL, reference) : s;
}

/** A double-quoted attribute value: & < > " and tab, LF, CR escaped, forbidden characters as references. */
export function escapeAttribute(s: string): string {
  return ATTR_SPECIAL.test(s) ? s.replace(ATTR_SPECIAL_ALL, reference) : s;
}
