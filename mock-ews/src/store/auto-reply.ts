import { isInternalAddress } from './organisation';
import { systemMessage } from './system-message';
import type { Store } from './store';
import type { Mailbox, MessageData, OofSettings } from './types';

/**
 * Out-of-office replies, as Exchange's transport sends them when mail is delivered to a mailbox
 * whose settings are on: one reply per sender for as long as the same settings stand (Exchange's
 * OOF history, cleared when the settings are set again), the internal text to senders of the
 * organisation, the external text to others when the audience is All.
 */

/** The senders answered under each settings object: a new SetUserOofSettings starts a new list. */
const answered = new WeakMap<OofSettings, Set<string>>();

/** Enabled, or Scheduled and `now` inside the window. */
export function oofActive(settings: OofSettings, now: Date): boolean {
  return settings.state === 'Enabled' || (settings.state === 'Scheduled' && now >= settings.start && now < settings.end);
}

/** The item class Exchange gives its out-of-office replies. */
export const OOF_REPLY_CLASS = 'IPM.Note.Rules.OofTemplate.Microsoft';

/**
 * The reply `mailbox` owes the sender of `message`, just delivered to it, or undefined when it owes
 * none. Calling it records the sender as answered.
 */
export function oofReply(store: Store, mailbox: Mailbox, message: MessageData, now: Date): MessageData | undefined {
  const settings = mailbox.oof;
  if (!settings || !oofActive(settings, now)) return undefined;
  const sender = message.from;
  if (!sender?.address) return undefined;
  const key = sender.address.toLowerCase();
  if (key === mailbox.smtp.toLowerCase() || suppressed(message)) return undefined;
  const text = oofReplyText(store, settings, key);
  // No text, no reply (as the GetUserOofSettings reference says of an empty message).
  if (text === undefined || text.trim() === '') return undefined;
  let senders = answered.get(settings);
  if (!senders) answered.set(settings, (senders = new Set()));
  if (senders.has(key)) return undefined;
  senders.add(key);
  return systemMessage({
    from: { name: mailbox.displayName, address: mailbox.smtp },
    to: sender,
    subject: `Automatic reply: ${message.subject}`,
    // Outlook sets the replies as HTML; a plain text stays plain.
    body: /<[a-z!/][^>]*>/i.test(text) ? { html: text } : { text },
    original: message,
    headers: [['X-Auto-Response-Suppress', 'All']],
    itemClass: OOF_REPLY_CLASS,
    now,
  });
}

/**
 * The reply text `sender` is owed: the internal one for the organisation's senders, the external
 * one for others when the audience is All (Known means the senders in the mailbox's contacts, which
 * the store does not keep: nobody), undefined when none is owed. MailTips show the same text.
 */
export function oofReplyText(store: Store, settings: OofSettings, sender: string): string | undefined {
  if (isInternalAddress(store, sender)) return settings.internalReply;
  return settings.externalAudience === 'All' ? settings.externalReply : undefined;
}

/**
 * Mail no one answers automatically (RFC 3834, and Exchange's own header): automatic messages
 * themselves, bulk and list mail, and senders that asked for no out-of-office reply.
 */
function suppressed(message: MessageData): boolean {
  if (message.itemClass.startsWith('IPM.Note.Rules.')) return true;
  const autoSubmitted = header(message, 'auto-submitted');
  if (autoSubmitted && autoSubmitted.trim().toLowerCase() !== 'no') return true;
  const suppress = header(message, 'x-auto-response-suppress');
  if (suppress && /\b(all|oof)\b/i.test(suppress)) return true;
  const precedence = header(message, 'precedence');
  return precedence !== undefined && /^\s*(bulk|list|junk)\b/i.test(precedence);
}

/** A header of the message: one a client set, or one in the MIME it came as. */
function header(message: MessageData, name: string): string | undefined {
  const set = message.headers.find(([n]) => n.toLowerCase() === name);
  if (set) return set[1];
  if (!message.rawMime) return undefined;
  const text = message.rawMime.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const unfolded = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.includes(':') && l.slice(0, l.indexOf(':')).trim().toLowerCase() === name);
  return line === undefined ? undefined : line.slice(line.indexOf(':') + 1).trim();
}
