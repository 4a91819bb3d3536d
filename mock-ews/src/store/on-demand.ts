import type { Attachment, AttachmentData, MessageData } from './types';

/**
 * Message parts produced on demand instead of held in memory: a generated scenario of a million
 * messages keeps only what it needs to list, sort and sync them, and rebuilds bodies and attachment
 * bytes from its seed when a request reads them. Each knows its size without being produced, so the
 * store can size an item without materialising it.
 */

/** A body whose `text` and `html` are produced on each read. */
export abstract class OnDemandBody {
  abstract get text(): string | undefined;
  abstract get html(): string | undefined;
  /** `(html ?? '').length + (text ?? '').length`, known up front. */
  abstract readonly length: number;
}

/** A file attachment whose `content` is produced on each read. */
export abstract class OnDemandAttachment implements AttachmentData {
  abstract readonly name: string;
  abstract readonly contentType: string;
  abstract get content(): Buffer;
  /** `content.length`, known up front. */
  abstract readonly size: number;
}

/** Characters of the body as the store sizes it, without producing an on-demand body. */
export function bodyLength(body: MessageData['body']): number {
  return body instanceof OnDemandBody ? body.length : (body.html ?? '').length + (body.text ?? '').length;
}

export function contentLength(a: AttachmentData): number {
  return a instanceof OnDemandAttachment ? a.size : a.content.length;
}

/** The stored form of an attachment: its data plus id and time; an on-demand one stays on demand. */
export function placeAttachment(a: AttachmentData, id: string, lastModified: Date): Attachment {
  if (!(a instanceof OnDemandAttachment)) return { ...a, id, lastModified };
  // A spread would drop the accessor (it lives on the prototype): keep the prototype instead.
  return Object.assign(Object.create(Object.getPrototypeOf(a) as object) as Attachment, a, { id, lastModified });
}
