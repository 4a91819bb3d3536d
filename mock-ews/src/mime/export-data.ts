import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ItemError } from '../soap/error-catalogue';
import type { Item, MessageData } from '../store/types';
import { itemMime } from './item-mime';
import { messageFromMime } from './derive';

/**
 * The Data of ExportItems and UploadItems. Exchange's is an opaque stream clients only keep and give
 * back; the mock's is too: a format byte, a SHA-256 digest of the payload, and the payload — the
 * message's MIME with what MIME does not carry (read and draft flags, categories, importance, item
 * class, when it was received, MAPI properties a client set). It is not bound to the store, so data
 * exported from one mock uploads into another (a backup restored after a restart). Anything else,
 * or data changed on the way, is ErrorCorruptData.
 */

const FORMAT = 0x01;
const DIGEST_BYTES = 32;

const payloadSchema = z.object({
  mime: z.string(),
  isRead: z.boolean(),
  isDraft: z.boolean(),
  categories: z.array(z.string()),
  importance: z.enum(['Low', 'Normal', 'High']),
  itemClass: z.string(),
  received: z.string().datetime(),
  extended: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
});

export async function exportData(item: Item): Promise<string> {
  const { data } = item;
  const payload = Buffer.from(
    JSON.stringify({
      mime: (await itemMime.mime(item)).toString('base64'),
      isRead: data.isRead,
      isDraft: data.isDraft,
      categories: data.categories,
      importance: data.importance,
      itemClass: data.itemClass,
      received: data.dateTimeReceived.toISOString(),
      extended: data.extended,
    }),
    'utf8',
  );
  return Buffer.concat([Buffer.from([FORMAT]), digest(payload), payload]).toString('base64');
}

/** The message a Data string holds, or ErrorCorruptData. */
export async function importData(text: string): Promise<MessageData> {
  const corrupt = () => new ItemError('ErrorCorruptData');
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw corrupt();
  const raw = Buffer.from(compact, 'base64');
  if (raw.length <= 1 + DIGEST_BYTES || raw[0] !== FORMAT) throw corrupt();
  const payload = raw.subarray(1 + DIGEST_BYTES);
  if (!digest(payload).equals(raw.subarray(1, 1 + DIGEST_BYTES))) throw corrupt();
  let parsed: z.infer<typeof payloadSchema>;
  try {
    parsed = payloadSchema.parse(JSON.parse(payload.toString('utf8')));
  } catch {
    throw corrupt();
  }
  const { mime, received, ...flags } = parsed;
  return messageFromMime(Buffer.from(mime, 'base64'), { ...flags, dateTimeReceived: new Date(received) });
}

function digest(payload: Buffer): Buffer {
  return createHash('sha256').update(payload).digest();
}
