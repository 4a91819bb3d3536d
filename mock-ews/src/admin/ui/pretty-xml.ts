/**
 * Indents XML for reading, one tag per line. It never parses: truncated or malformed replies
 * (which the fault injector makes on purpose) are shown as they are, just indented.
 */
export function prettyXml(xml: string): string {
  const tokens = xml.split(/(<[^>]*>)/).filter((t) => t.trim() !== '');
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const pad = '  '.repeat(depth);
    if (t.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      lines.push('  '.repeat(depth) + t);
    } else if (t.startsWith('<?') || t.startsWith('<!') || t.endsWith('/>')) {
      lines.push(pad + t);
    } else if (t.startsWith('<')) {
      // Keep short text content on the same line as its element: <t:Subject>Hi</t:Subject>.
      const text = tokens[i + 1];
      const close = tokens[i + 2];
      if (text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
        lines.push(pad + t + text.trim() + close);
        i += 2;
      } else {
        lines.push(pad + t);
        depth++;
      }
    } else {
      lines.push(pad + t.trim());
    }
  }
  return lines.join('\n');
}
