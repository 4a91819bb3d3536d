import { randomUUID } from 'node:crypto';
import { incompleteContent, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import type { Address, AttachmentData, Item, Mailbox, MessageData } from '../../store/types';
import { displayList } from './item-properties';
import { escapeHtml, htmlToText, textToHtmlFragment } from './body-text';
import { readProperty, WritableFields } from './message-fields';

/** The response objects CreateItem takes for messages: a reply, a reply to all, a forward. */
export const RESPONSE_OBJECTS = ['ReplyToItem', 'ReplyAllToItem', 'ForwardItem'] as const;
export type ResponseKind = (typeof RESPONSE_OBJECTS)[number];

export interface ResponseInput {
  kind: ResponseKind;
  /** t:ReferenceItemId: the message answered or forwarded. */
  referenceId: string;
  /** Fields the response object sets itself (Subject, recipients, …). */
  fields: WritableFields;
  /** t:NewBodyContent: what the sender wrote above the quoted message. */
  newBody?: { html?: string; text?: string };
}

/** Reads a t:ReplyToItem, t:ReplyAllToItem or t:ForwardItem; a missing ReferenceItemId is a schema violation. */
export function readResponseObject(el: XmlElement): ResponseInput {
  const ref = el.t('ReferenceItemId');
  if (!ref) {
    throw incompleteContent(el, 'ReferenceItemId', NS.t);
  }
  const fields: WritableFields = {};
  let newBody: ResponseInput['newBody'];
  for (const prop of el.children) {
    if (prop.ns !== NS.t || prop.local === 'ReferenceItemId') continue;
    if (prop.local === 'NewBodyContent') {
      const type = prop.attr('BodyType');
      if (type !== 'HTML' && type !== 'Text') {
        throw schemaFault(
          type === undefined
            ? "The required attribute 'BodyType' is missing."
            : `The 'BodyType' attribute is invalid - The value '${type}' is invalid according to its datatype '${NS.t}:BodyTypeType' - The Enumeration constraint failed.`,
          prop.line,
        );
      }
      // Markup must come escaped: the schema's content model is text only (ews-javascript-api
      // writes HTML here unescaped, which Exchange refuses the same way).
      const child = prop.children[0];
      if (child) {
        throw schemaFault(`The element 'NewBodyContent' in namespace '${NS.t}' cannot contain child element '${child.local}' because the parent element's content model is text only.`, child.line);
      }
      newBody = type === 'HTML' ? { html: prop.text } : { text: prop.text };
    } else {
      readProperty(prop, fields);
    }
  }
  return { kind: el.local as ResponseKind, referenceId: ref.attr('Id') ?? '', fields, newBody };
}

const PREFIX: Record<ResponseKind, string> = { ReplyToItem: 'RE: ', ReplyAllToItem: 'RE: ', ForwardItem: 'FW: ' };

/**
 * The message a response object makes, as Exchange builds it: "RE: " or "FW: " before the subject,
 * a reply to the sender (Reply-To when the message has one), a reply to all to the sender and every
 * recipient but the mailbox itself, the new text above the original under a header block, the
 * thread kept (In-Reply-To, References, the same conversation), and a forward carrying the
 * original's attachments. Fields the response object sets win; the attachments it gives (`added`,
 * composed by the caller) come after the ones a forward carries.
 */
export function composeResponse(mailbox: Mailbox, original: Item, input: ResponseInput, now: Date, added: AttachmentData[] = []): MessageData {
  const o = original.data;
  const me = mailbox.smtp.toLowerCase();
  const notMe = (list: Address[]) => list.filter((a) => a.address.toLowerCase() !== me);
  const author = o.replyTo.length > 0 ? o.replyTo : o.from ? [o.from] : [];
  const to = input.kind === 'ForwardItem' ? [] : input.kind === 'ReplyToItem' ? author : dedupe([...author, ...notMe(o.to)]);
  const cc = input.kind === 'ReplyAllToItem' ? notMe(o.cc) : [];
  const subject = PREFIX[input.kind] + o.subject.replace(/^((re|fw|fwd)\s*:\s*)+/i, '');
  const base: MessageData = {
    subject,
    to,
    cc,
    bcc: [],
    replyTo: [],
    dateTimeSent: now,
    dateTimeReceived: now,
    internetMessageId: `<${randomUUID()}@${mailbox.smtp.split('@')[1] ?? 'localhost'}>`,
    inReplyTo: input.kind === 'ForwardItem' ? undefined : o.internetMessageId || undefined,
    references: [o.references, o.internetMessageId].filter(Boolean).join(' ') || undefined,
    importance: 'Normal',
    isRead: true,
    isDraft: true,
    categories: [],
    body: quote(o, input.newBody),
    attachments: [...(input.kind === 'ForwardItem' ? o.attachments : []), ...added],
    headers: [],
    itemClass: 'IPM.Note',
  };
  const set = Object.fromEntries(Object.entries(input.fields).filter(([k, v]) => v !== undefined && k !== 'attachments'));
  return { ...base, ...set };
}

function dedupe(list: Address[]): Address[] {
  const seen = new Set<string>();
  return list.filter((a) => !seen.has(a.address.toLowerCase()) && seen.add(a.address.toLowerCase()));
}

/** The new text over the original, in the original's body kind (HTML when either side is HTML). */
function quote(o: MessageData, added: ResponseInput['newBody']): MessageData['body'] {
  const header = [
    ['From', o.from ? displayList([o.from]) : ''],
    ['Sent', o.dateTimeSent.toUTCString()],
    ['To', displayList(o.to)],
    ...(o.cc.length > 0 ? [['Cc', displayList(o.cc)]] : []),
    ['Subject', o.subject],
  ];
  if (added?.html !== undefined || o.body.html !== undefined) {
    const mine = added?.html ?? textToHtmlFragment(added?.text ?? '');
    const theirs = o.body.html ?? textToHtmlFragment(o.body.text ?? '');
    const block = header.map(([k, v]) => `<b>${k}:</b> ${escapeHtml(v)}<br>`).join('\r\n');
    return { html: `<html><body>${mine}<hr><div>${block}</div><br>${theirs}</body></html>` };
  }
  const block = header.map(([k, v]) => `${k}: ${v}`).join('\r\n');
  return { text: `${added?.text ?? htmlToText(added?.html ?? '')}\r\n\r\n________________________________\r\n${block}\r\n\r\n${o.body.text ?? ''}` };
}
