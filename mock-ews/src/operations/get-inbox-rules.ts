import { el, leaf, writeResponseMessage } from '../soap/response-writer';
import { NS } from '../soap/namespaces';
import { writeRule } from './common/inbox-rules-xml';
import { rulesMailbox } from './common/rules-mailbox';
import type { Operation } from './operation';

/**
 * GetInboxRules (Exchange 2010 SP1 on): a mailbox's Inbox rules in priority order. The response
 * element is itself the response message. There is never an Outlook rule blob to report.
 */
export const getInboxRules: Operation = {
  name: 'GetInboxRules',
  since: 'Exchange2010_SP1',
  async handle(ctx) {
    const response = el(ctx.body, 'm:GetInboxRulesResponse', { ResponseClass: 'Success', 'xmlns:m': NS.m, 'xmlns:t': NS.t });
    await writeResponseMessage(response, (message) => {
      const mailbox = rulesMailbox(ctx, ctx.request);
      leaf(message, 'm:OutlookRuleBlobExists', false);
      const list = el(message, 'm:InboxRules');
      for (const rule of mailbox.rules ?? []) writeRule(list, ctx, mailbox, rule);
    });
  },
};
