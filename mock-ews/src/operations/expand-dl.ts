import { el, leaf, ResponseMessages } from '../soap/response-writer';
import { incompleteContent, ItemError } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { DistributionList } from '../store/types';
import type { Operation } from './operation';

/**
 * ExpandDL: the members of a distribution list of the directory, one level deep and in the
 * scenario's order — mailboxes (MailboxType Mailbox, with their display names), nested lists
 * (PublicDL; a client expands them with another call) and outside addresses (Contact). The list
 * is named by its SMTP address (an "SMTP:" prefix allowed), its alias or its display name; one that
 * names no list is ErrorNameResolutionNoResults, one naming several ErrorNameResolutionMultipleResults.
 */
export const expandDl: Operation = {
  name: 'ExpandDL',
  since: 'Exchange2007',
  async handle(ctx) {
    const mailboxEl = ctx.request.m('Mailbox');
    if (!mailboxEl) throw incompleteContent(ctx.request, 'Mailbox', NS.m);
    const address = mailboxEl.t('EmailAddress')?.value?.trim() ?? '';
    const out = new ResponseMessages(ctx.body, 'ExpandDL');
    await out.add((message) => {
      const list = listNamed(ctx.store.distributionLists.values(), address);
      const expansion = el(message, 'm:DLExpansion', { TotalItemsInView: list.members.length, IncludesLastItemInRange: true });
      for (const member of list.members) {
        const mailbox = ctx.store.mailbox(member);
        const nested = mailbox ? undefined : ctx.store.distributionList(member);
        const entry = el(expansion, 't:Mailbox');
        leaf(entry, 't:Name', mailbox?.displayName ?? nested?.displayName ?? member);
        leaf(entry, 't:EmailAddress', mailbox?.smtp ?? nested?.smtp ?? member);
        leaf(entry, 't:RoutingType', 'SMTP');
        leaf(entry, 't:MailboxType', mailbox ? 'Mailbox' : nested ? 'PublicDL' : 'Contact');
      }
    });
  },
};

/** The list an ExpandDL names: by address first, else by alias (the address's local part) or display name. */
function listNamed(lists: Iterable<DistributionList>, name: string): DistributionList {
  const wanted = name.replace(/^smtp:/i, '').trim().toLowerCase();
  const all = [...lists];
  const byAddress = all.find((l) => l.smtp.toLowerCase() === wanted);
  if (byAddress) return byAddress;
  const found = wanted === '' ? [] : all.filter((l) => l.smtp.split('@')[0].toLowerCase() === wanted || l.displayName.toLowerCase() === wanted);
  if (found.length === 0) throw new ItemError('ErrorNameResolutionNoResults');
  if (found.length > 1) throw new ItemError('ErrorNameResolutionMultipleResults');
  return found[0];
}
