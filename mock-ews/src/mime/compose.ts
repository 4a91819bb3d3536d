import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Address, MessageData } from '../store/types';

// A stream transport with buffer=true only renders the message; nothing is sent anywhere.
const renderer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

function fmt(a: Address): string | { name: string; address: string } {
  return a.name ? { name: a.name, address: a.address } : a.address;
}

/** The RFC 822 form of a message: its raw MIME when it came as MIME, else composed from its fields. */
export async function messageMime(data: MessageData): Promise<Buffer> {
  if (data.rawMime) return data.rawMime;
  const info = await renderer.sendMail({
    from: data.from ? fmt(data.from) : undefined,
    sender: data.sender ? fmt(data.sender) : undefined,
    to: data.to.map(fmt),
    cc: data.cc.map(fmt),
    bcc: data.bcc.map(fmt),
    replyTo: data.replyTo.map(fmt),
    subject: data.subject,
    date: data.dateTimeSent,
    messageId: data.internetMessageId,
    inReplyTo: data.inReplyTo,
    references: data.references,
    priority: data.importance === 'High' ? 'high' : data.importance === 'Low' ? 'low' : undefined,
    text: data.body.text,
    html: data.body.html,
    headers: data.headers.map(([key, value]) => ({ key, value })),
    attachments: data.attachments.map((a) => ({
      filename: a.name,
      content: a.content,
      contentType: a.contentType,
      cid: a.contentId,
      contentDisposition: a.isInline ? 'inline' : 'attachment',
    })),
    // Bcc is kept in the stored copy, as a sender's own copy has it.
    keepBcc: true,
    // Boundaries come from the message itself, so the same item gives the same MIME bytes every time.
    baseBoundary: createHash('sha1').update(`${data.internetMessageId}\n${data.subject}`).digest('hex').slice(0, 16),
    envelope: { from: 'mock-ews@localhost', to: ['mock-ews@localhost'] },
  } as Parameters<typeof renderer.sendMail>[0]);
  return info.message as Buffer;
}
