import { createHash } from 'node:crypto';
import { BodyType, EmailAddress, EmailMessage, FileAttachment, Importance } from 'ews-javascript-api';
import type { Address, AttachmentInput, MappedEmail } from '../db/storage';
import type { ExchangeGeneration } from '../settings/versions';
import type { AttachmentDownloads } from './mailbox-client';

/** A mapped email plus the file attachments GetItem listed, before any are downloaded. */
export interface RawMessage extends MappedEmail {
  fileAttachments: { ewsId: string; name: string; contentType: string; size: number | null; isInline: boolean; contentId?: string }[];
}

/**
 * Reads a property the server may have left out. ews-javascript-api throws when a property was
 * not loaded; a missing To, Cc or Bcc must not fail the email.
 */
function optional<T>(read: () => T): T | undefined {
  try {
    const v = read();
    return v === null ? undefined : v;
  } catch {
    return undefined;
  }
}

function address(a: EmailAddress | undefined | null): Address | undefined {
  if (!a || !a.Address) return undefined;
  return a.Name && a.Name !== a.Address ? { name: a.Name, address: a.Address } : { address: a.Address };
}

function addresses(read: () => { GetEnumerator(): EmailAddress[] } | undefined): Address[] {
  const coll = optional(read);
  if (!coll) return [];
  return coll.GetEnumerator().map(address).filter((a): a is Address => a !== undefined);
}

function utc(read: () => { ToISOString(): string } | undefined): string | null {
  const d = optional(read);
  if (!d) return null;
  // moment's toISOString is already UTC with milliseconds, the form stored; no second parse.
  const s = d.ToISOString();
  return s && !s.startsWith('Invalid') ? s : null;
}

const IMPORTANCE: Record<number, number> = { [Importance.High]: 1, [Importance.Normal]: 0, [Importance.Low]: -1 };

/** EWS message → storage row, as the reference maps it (empty subject "", UTC dates, High=1/Normal=0/Low=-1). */
export function mapMessage(m: EmailMessage, generation: ExchangeGeneration, withBody: boolean): RawMessage {
  const itemId = m.Id.UniqueId;
  const from = address(optional(() => m.From));
  const subject = optional(() => m.Subject) ?? '';
  const sentAt = utc(() => m.DateTimeSent);
  const receivedAt = utc(() => m.DateTimeReceived);
  const importance = optional(() => m.Importance);
  const mapped: RawMessage = {
    itemId,
    changeKey: m.Id.ChangeKey || undefined,
    messageId: optional(() => m.InternetMessageId)?.trim() || syntheticMessageId(from?.address, sentAt, subject, itemId),
    subject,
    from,
    to: addresses(() => m.ToRecipients),
    cc: addresses(() => m.CcRecipients),
    bcc: addresses(() => m.BccRecipients),
    sentAt,
    receivedAt,
    createdAt: utc(() => m.DateTimeCreated),
    importance: importance === undefined ? 0 : IMPORTANCE[importance] ?? 0,
    conversationId: generation.hasConversationId ? optional(() => m.ConversationId?.UniqueId) ?? null : null,
    isRead: optional(() => m.IsRead) ?? false,
    hasAttachments: optional(() => m.HasAttachments) ?? false,
    fileAttachments: [],
  };
  if (withBody) {
    const body = optional(() => m.Body);
    mapped.body = { type: body?.BodyType === BodyType.HTML ? 'html' : 'text', content: body?.Text ?? '' };
    for (const a of optional(() => m.Attachments?.GetEnumerator()) ?? []) {
      // Item attachments (attached messages) are not files; the reference skips them too. Inline
      // files (the images an HTML body shows by cid:) are files: kept with their Content-ID.
      if (!(a instanceof FileAttachment)) continue;
      mapped.fileAttachments.push({
        ewsId: a.Id,
        name: a.Name ?? '',
        contentType: a.ContentType ?? 'application/octet-stream',
        size: generation.hasAttachmentSize ? optional(() => a.Size) ?? null : null,
        isInline: optional(() => a.IsInline) ?? false,
        contentId: optional(() => a.ContentId) || undefined,
      });
    }
  }
  return mapped;
}

/** A stable stand-in when a message has no Message-ID, so copies of it still de-duplicate. */
function syntheticMessageId(from: string | undefined, sentAt: string | null, subject: string, itemId: string): string {
  const basis = from || sentAt ? `${from ?? ''}|${sentAt ?? ''}|${subject}` : itemId;
  return `<${createHash('sha1').update(basis).digest('hex')}@no-message-id.ews-sync>`;
}

/** Decides which attachments to download and records the others with the reason they were skipped. */
export function planAttachments(
  files: RawMessage['fileAttachments'],
  options: { enabled: boolean; maxSizeBytes: number },
): { download: string[]; records: AttachmentInput[] } {
  const download: string[] = [];
  const records: AttachmentInput[] = [];
  for (const f of files) {
    const record: AttachmentInput = { ewsId: f.ewsId, name: f.name, contentType: f.contentType, size: f.size ?? -1, isInline: f.isInline, contentId: f.contentId };
    if (!options.enabled) record.skippedReason = 'attachment sync is off';
    else if (f.size !== null && f.size > options.maxSizeBytes) record.skippedReason = `over the size limit (${f.size} > ${options.maxSizeBytes} bytes)`;
    else download.push(f.ewsId);
    records.push(record);
  }
  return { download, records };
}

/** Fills in downloaded content, enforcing the size limit where the server did not report a size. */
export function completeAttachments(records: AttachmentInput[], downloads: AttachmentDownloads, maxSizeBytes: number): AttachmentInput[] {
  return records.map((r) => {
    if (r.skippedReason) return r;
    const content = downloads.contents.get(r.ewsId);
    if (!content) {
      const why = downloads.failures.get(r.ewsId);
      return { ...r, skippedReason: why ? `download failed: ${why}` : 'download failed' };
    }
    const size = r.size >= 0 ? r.size : content.length;
    if (content.length > maxSizeBytes) return { ...r, size, skippedReason: `over the size limit (${content.length} > ${maxSizeBytes} bytes)` };
    return { ...r, size, content };
  });
}
