import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { el, writeResponseMessage } from '../soap/response-writer';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import { dateTimeValue, enumValue } from './common/schema-values';
import { oofMailbox, replyText } from './common/oof';
import { OOF_AUDIENCES, OOF_STATES, oofSettings } from '../store/out-of-office';
import type { Operation } from './operation';

/**
 * SetUserOofSettings: replaces the out-of-office settings of the caller's own (or the impersonated)
 * mailbox with t:UserOofSettings. State and audience are required; a Duration or reply left out
 * keeps what was there. Values outside the schema are a schema fault and change nothing.
 */
export const setUserOofSettings: Operation = {
  name: 'SetUserOofSettingsRequest',
  since: 'Exchange2007',
  async handle(ctx) {
    const mailbox = oofMailbox(ctx);
    const settings = ctx.request.t('UserOofSettings');
    if (!settings) throw incompleteContent(ctx.request, 'UserOofSettings', NS.t);
    const stateEl = settings.t('OofState');
    if (!stateEl) throw incompleteContent(settings, 'OofState', NS.t);
    const audienceEl = settings.t('ExternalAudience');
    if (!audienceEl) throw incompleteContent(settings, 'ExternalAudience', NS.t);
    const state = enumValue(stateEl.value, OOF_STATES, 'OofState', { el: stateEl });
    const externalAudience = enumValue(audienceEl.value, OOF_AUDIENCES, 'ExternalAudience', { el: audienceEl });
    const current = oofSettings(mailbox);
    let { start, end } = current;
    const duration = settings.t('Duration');
    if (duration) {
      start = dateOf(duration.t('StartTime'), duration, 'StartTime');
      end = dateOf(duration.t('EndTime'), duration, 'EndTime');
    }
    const internal = settings.t('InternalReply');
    const external = settings.t('ExternalReply');
    const response = el(ctx.body, 'm:SetUserOofSettingsResponse', { 'xmlns:m': NS.m, 'xmlns:t': NS.t });
    await writeResponseMessage(el(response, 'm:ResponseMessage'), () => {
      // A schedule must end after it starts, and in the future; nothing is saved otherwise.
      if (state === 'Scheduled' && duration && (end.getTime() <= start.getTime() || end.getTime() <= Date.now())) throw new ItemError('ErrorInvalidScheduledOofDuration');
      mailbox.oof = {
        state,
        externalAudience,
        start,
        end,
        internalReply: internal ? replyText(internal) : current.internalReply,
        externalReply: external ? replyText(external) : current.externalReply,
      };
    });
  },
};

/** An xs:dateTime child of Duration; missing or unreadable is a schema fault. */
function dateOf(e: XmlElement | undefined, parent: XmlElement, name: string): Date {
  if (!e) throw incompleteContent(parent, name, NS.t);
  return dateTimeValue(e);
}
