import { el, leaf, Xml } from '../soap/response-writer';
import { incompleteContent } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import { oofActive, oofReplyText } from '../store/auto-reply';
import { isInternalAddress } from '../store/organisation';
import { expandRecipients } from '../store/distribution-lists';
import { oofSettings } from '../store/out-of-office';
import type { Store } from '../store/store';
import { enumValue, ewsDate } from './common/schema-values';
import type { Operation } from './operation';

/** MailTipTypes, the schema's list of what a client may ask for ("All" is every one). */
const MAIL_TIP_TYPES = [
  'All', 'OutOfOfficeMessage', 'MailboxFullStatus', 'CustomMailTip', 'ExternalMemberCount', 'TotalMemberCount',
  'MaxMessageSize', 'DeliveryRestriction', 'ModerationStatus', 'InvalidRecipient',
] as const;
type MailTipType = (typeof MAIL_TIP_TYPES)[number];

/** What a mailbox accepts: Exchange's default receive size limit (10 MB). */
const MAX_MESSAGE_SIZE = 10 * 1024 * 1024;

/**
 * GetMailTips (Exchange 2010 on): what Outlook shows while a message is written, for each
 * recipient in request order — an out-of-office reply the sender would get (the text it is owed,
 * with the window of a scheduled absence), whether the mailbox is full, its size limit, that a
 * mailbox is one member and a distribution list as many as it reaches, delivery restrictions and
 * moderation (none here), and whether an address of the organisation's domains names no one. Only the tips asked for are answered. An address
 * outside the organisation gets no out-of-office tip: Exchange cannot know it.
 */
export const getMailTips: Operation = {
  name: 'GetMailTips',
  since: 'Exchange2010',
  handle(ctx) {
    const req = ctx.request;
    const sendingAs = req.m('SendingAs');
    if (!sendingAs) throw incompleteContent(req, 'SendingAs', NS.m);
    const sender = sendingAs.t('EmailAddress')?.value?.trim() ?? '';
    const recipientsEl = req.m('Recipients');
    if (!recipientsEl) throw incompleteContent(req, 'Recipients', NS.m);
    const recipients = recipientsEl.children.filter((c) => c.ns === NS.t && c.local === 'Mailbox');
    if (recipients.length === 0) throw incompleteContent(recipientsEl, 'Mailbox', NS.t);
    const requestedEl = req.m('MailTipsRequested');
    if (!requestedEl) throw incompleteContent(req, 'MailTipsRequested', NS.m);
    const wanted = requestedTips(requestedEl);

    const response = el(ctx.body, 'm:GetMailTipsResponse', { ResponseClass: 'Success', 'xmlns:m': NS.m, 'xmlns:t': NS.t });
    leaf(response, 'm:ResponseCode', 'NoError');
    const messages = el(response, 'm:ResponseMessages');
    for (const r of recipients) {
      const message = el(messages, 'm:MailTipsResponseMessageType', { ResponseClass: 'Success' });
      leaf(message, 'm:ResponseCode', 'NoError');
      writeTips(el(message, 'm:MailTips'), ctx.store, sender, r, wanted);
    }
  },
};

/** MailTipsRequested is a list of MailTipTypes; anything else fails validation. */
function requestedTips(el: XmlElement): ReadonlySet<MailTipType> {
  const tokens = (el.value ?? '').trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) enumValue('', MAIL_TIP_TYPES, 'MailTipTypes', { el });
  const tips = tokens.map((t) => enumValue(t, MAIL_TIP_TYPES, 'MailTipTypes', { el }));
  return new Set(tips.includes('All') ? MAIL_TIP_TYPES : tips);
}

function writeTips(tips: Xml, store: Store, sender: string, recipient: XmlElement, wanted: ReadonlySet<MailTipType>): void {
  const address = recipient.t('EmailAddress')?.value?.trim() ?? '';
  const mailbox = address ? store.mailbox(address) : undefined;
  const internal = address !== '' && isInternalAddress(store, address);
  const at = el(tips, 't:RecipientAddress');
  const list = mailbox ? undefined : store.distributionList(address);
  leaf(at, 't:Name', mailbox?.displayName ?? list?.displayName ?? recipient.t('Name')?.value ?? '');
  leaf(at, 't:EmailAddress', mailbox?.smtp ?? address);
  leaf(at, 't:RoutingType', 'SMTP');
  el(tips, 't:PendingMailTips');
  if (wanted.has('OutOfOfficeMessage') && mailbox) {
    const settings = oofSettings(mailbox);
    const now = new Date();
    const text = oofActive(settings, now) ? (oofReplyText(store, settings, sender) ?? '') : '';
    const oof = el(tips, 't:OutOfOffice');
    leaf(el(oof, 't:ReplyBody'), 't:Message', text);
    if (text && settings.state === 'Scheduled') {
      const duration = el(oof, 't:Duration');
      leaf(duration, 't:StartTime', ewsDate(settings.start));
      leaf(duration, 't:EndTime', ewsDate(settings.end));
    }
  }
  if (wanted.has('MailboxFullStatus') && mailbox) leaf(tips, 't:MailboxFull', false);
  // A list counts the recipients it expands to (nested lists included); anything else is one.
  const members = list ? expandRecipients(store, [list.smtp]) : undefined;
  const total = members ? members.mailboxes.length + members.external.length : 1;
  const external = members ? members.external.filter((a) => !isInternalAddress(store, a)).length : internal ? 0 : 1;
  if (wanted.has('TotalMemberCount')) leaf(tips, 't:TotalMemberCount', total);
  if (wanted.has('ExternalMemberCount')) leaf(tips, 't:ExternalMemberCount', external);
  if (wanted.has('MaxMessageSize') && mailbox) leaf(tips, 't:MaxMessageSize', MAX_MESSAGE_SIZE);
  if (wanted.has('DeliveryRestriction')) leaf(tips, 't:DeliveryRestricted', false);
  if (wanted.has('ModerationStatus')) leaf(tips, 't:IsModerated', false);
  if (wanted.has('InvalidRecipient')) leaf(tips, 't:InvalidRecipient', internal && !mailbox && !list);
}
