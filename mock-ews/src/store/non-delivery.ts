import { domainOf } from './organisation';
import { systemMessage } from './system-message';
import type { AttachmentData, Mailbox, MessageData } from './types';

/** The item class of a non-delivery report. */
export const NDR_CLASS = 'REPORT.IPM.Note.NDR';

/**
 * The non-delivery report Exchange's transport returns to a sender whose message named addresses
 * of the organisation that no mailbox or list has: from the organisation's system mailbox, subject
 * "Undeliverable: …", one line per address saying it was not found, in reply to the message, with
 * the message itself attached when the caller has it (`original`).
 */
export function nonDeliveryReport(sender: Mailbox, message: MessageData, unknown: readonly string[], now: Date, original?: AttachmentData): MessageData {
  const domain = domainOf(sender.smtp) || 'localhost';
  const lines = unknown.map((a) => `Your message to ${a} couldn't be delivered.\r\n${a.slice(0, a.lastIndexOf('@'))} wasn't found at ${domainOf(a)}.`);
  return systemMessage({
    from: { name: 'Microsoft Outlook', address: `MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@${domain}` },
    to: { name: sender.displayName, address: sender.smtp },
    subject: `Undeliverable: ${message.subject}`,
    body: { text: `${lines.join('\r\n\r\n')}\r\n` },
    original: message,
    headers: [['X-MS-Exchange-Message-Is-Ndr', '']],
    itemClass: NDR_CLASS,
    now,
    attachments: original ? [original] : [],
  });
}
