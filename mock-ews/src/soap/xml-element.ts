import { NS } from './namespaces';

/**
 * A namespace-resolved XML element. Prefixes are resolved once at parse time so that every
 * lookup afterwards is by (namespace URI, local name).
 */
export class XmlElement {
  readonly children: XmlElement[] = [];
  private textParts: string[] = [];

  constructor(
    readonly ns: string,
    readonly local: string,
    readonly attrs: ReadonlyMap<string, string>,
    readonly parent: XmlElement | null,
    /** 1-based line of the start tag in the request, for schema-style errors. */
    readonly line = 0,
  ) {}

  appendText(text: string): void {
    this.textParts.push(text);
  }

  /** Concatenated text content of this element (not of descendants). */
  get text(): string {
    return this.textParts.join('');
  }

  /** Trimmed text, or undefined when empty. */
  get value(): string | undefined {
    const v = this.text.trim();
    return v === '' ? undefined : v;
  }

  is(ns: string, local: string): boolean {
    return this.ns === ns && this.local === local;
  }

  attr(name: string): string | undefined {
    return this.attrs.get(name);
  }

  child(local: string, ns: string = NS.t): XmlElement | undefined {
    return this.children.find((c) => c.local === local && c.ns === ns);
  }

  /** Child in the messages namespace, the usual place for an operation's top-level elements. */
  m(local: string): XmlElement | undefined {
    return this.child(local, NS.m);
  }

  /** Child in the types namespace. */
  t(local: string): XmlElement | undefined {
    return this.child(local, NS.t);
  }

  all(local: string, ns: string = NS.t): XmlElement[] {
    return this.children.filter((c) => c.local === local && c.ns === ns);
  }

  /** Path of local names from the root, for error messages. */
  get path(): string {
    const parts: string[] = [];
    for (let e: XmlElement | null = this; e; e = e.parent) parts.unshift(e.local);
    return parts.join('/');
  }

  /** Clark-style qualified name, as .NET schema messages print it. */
  get qname(): string {
    return `'${this.local}' in namespace '${this.ns}'`;
  }
}
