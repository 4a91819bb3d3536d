import sanitizeHtml from 'sanitize-html';
/**
 * Body conversions Exchange performs when a client asks for a body type the message does not
 * natively have (BodyType HTML on a plain-text message, Text on an HTML message).
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML body: block boundaries become line breaks, markup and scripts go away. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|blockquote|pre)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t\r\f]*\n[ \t\r\f]*/g, '\n');
  return decodeEntities(text)
    .replace(/\u00a0/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/\n/g, '\r\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as an HTML fragment: escaped, line breaks kept. */
export function textToHtmlFragment(text: string): string {
  return `<div>${text.replace(/\r\n?/g, '\n').split('\n').map(escapeHtml).join('<br>\r\n')}</div>`;
}

/** An HTML document for a plain-text body, line breaks kept, the way Exchange wraps one. */
export function textToHtml(text: string): string {
  return (
    '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n' +
    `${textToHtmlFragment(text)}\r\n</body>\r\n</html>\r\n`
  );
}

export type BodyKind = 'HTML' | 'Text';

/** The body in the requested type: Best gives the native type (HTML when there is one). */
export function bodyAs(body: { html?: string; text?: string }, requested: 'Best' | 'HTML' | 'Text'): { type: BodyKind; content: string } {
  const native: BodyKind = body.html !== undefined ? 'HTML' : 'Text';
  const type = requested === 'Best' ? native : requested;
  if (type === 'HTML') return { type, content: body.html ?? textToHtml(body.text ?? '') };
  return { type, content: body.text ?? htmlToText(body.html ?? '') };
}

/** Text used for searches on the body (content index): the plain form. */
export function searchableBody(body: { html?: string; text?: string }): string {
  return body.text ?? htmlToText(body.html ?? '');
}

/**
 * FilterHtmlContent: the HTML a client may show safely — no scripts, frames, forms, event handlers
 * or javascript: links — keeping text, formatting, links, images (cid: ones too) and inline styles.
 */
export function safeHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center'],
    allowedAttributes: { ...sanitizeHtml.defaults.allowedAttributes, '*': ['style', 'class', 'align', 'dir', 'color', 'width', 'height'], img: ['src', 'alt', 'title', 'width', 'height'] },
    allowedSchemes: [...sanitizeHtml.defaults.allowedSchemes, 'cid', 'data'],
  });
}

/** MaximumBodySize: at most `kb` kilobytes of the body's UTF-8, cut on a character. */
export function cutToKb(text: string, kb: number | undefined): { text: string; truncated: boolean } {
  if (kb === undefined) return { text, truncated: false };
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= kb * 1024) return { text, truncated: false };
  return { text: new TextDecoder().decode(bytes.subarray(0, kb * 1024)).replace(/\uFFFD$/, ''), truncated: true };
}
