import { el, leaf } from '../soap/response-writer';
import { NS } from '../soap/namespaces';
import { ewsDate } from './common/schema-values';
import { oofMailbox } from './common/oof';
import { oofSettings } from '../store/out-of-office';
import type { Operation } from './operation';

/**
 * GetUserOofSettings: the out-of-office state, audience, scheduled window and both replies of the
 * caller's own (or the impersonated) mailbox. Its answer has one m:ResponseMessage (not a list),
 * then t:OofSettings and m:AllowExternalOof.
 */
export const getUserOofSettings: Operation = {
  name: 'GetUserOofSettingsRequest',
  since: 'Exchange2007',
  handle(ctx) {
    const oof = oofSettings(oofMailbox(ctx));
    const response = el(ctx.body, 'm:GetUserOofSettingsResponse', { 'xmlns:m': NS.m, 'xmlns:t': NS.t });
    leaf(el(response, 'm:ResponseMessage', { ResponseClass: 'Success' }), 'm:ResponseCode', 'NoError');
    const settings = el(response, 't:OofSettings');
    leaf(settings, 't:OofState', oof.state);
    leaf(settings, 't:ExternalAudience', oof.externalAudience);
    const duration = el(settings, 't:Duration');
    leaf(duration, 't:StartTime', ewsDate(oof.start));
    leaf(duration, 't:EndTime', ewsDate(oof.end));
    leaf(el(settings, 't:InternalReply'), 't:Message', oof.internalReply);
    leaf(el(settings, 't:ExternalReply'), 't:Message', oof.externalReply);
    leaf(response, 'm:AllowExternalOof', 'All');
  },
};
