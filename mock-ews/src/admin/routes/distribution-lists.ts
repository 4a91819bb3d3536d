import { Router } from 'express';
import { z } from 'zod';
import type { MockState } from '../../server/state';
import { brokenListRule } from '../../store/distribution-lists';
import type { DistributionList } from '../../store/types';
import { AdminError, notFound, parseBody } from '../errors';
import { jsonBody, jsonParser } from './body';
import { email } from './directory';

/** The directory's distribution lists: read, set and removed at run time as a scenario file declares them. */

const listInput = z.object({ displayName: z.string().min(1).optional(), members: z.array(email).min(1, 'a list needs at least one member') }).strict();

const listView = (l: DistributionList) => ({ smtp: l.smtp, displayName: l.displayName, members: [...l.members] });

export function distributionListRoutes(state: MockState): Router {
  const router = Router();
  const domainOf = (smtp: string) => smtp.slice(smtp.lastIndexOf('@') + 1).toLowerCase();

  router.get('/distribution-lists', (_req, res) => {
    res.json([...state.store.distributionLists.values()].map(listView));
  });

  router.get('/distribution-lists/:smtp', (req, res) => {
    const list = state.store.distributionList(req.params.smtp);
    if (!list) throw notFound(`distribution list ${req.params.smtp}`, 'smtp');
    res.json(listView(list));
  });

  // Creates or replaces a list, under the rules a scenario file's lists follow (brokenListRule).
  router.put('/distribution-lists/:smtp', jsonParser, (req, res) => {
    const store = state.store;
    const smtp = parseBody(email, req.params.smtp, 'smtp');
    const input = parseBody(listInput, jsonBody(req));
    const broken = brokenListRule(
      { smtp, members: input.members },
      {
        inDomains: (a) => store.domains.length === 0 || store.domains.includes(domainOf(a)),
        isInternal: (a) => store.domains.includes(domainOf(a)),
        isTaken: (a) => store.account(a) !== undefined || store.mailbox(a) !== undefined,
        hasMailbox: (a) => store.mailbox(a) !== undefined,
        isList: (a) => store.distributionList(a) !== undefined,
      },
    );
    if (broken) throw new AdminError(broken.conflict ? 409 : 400, `${broken.field}: ${broken.message}`, broken.field);
    const existing = store.distributionList(smtp);
    const list: DistributionList = { smtp: existing?.smtp ?? smtp, displayName: input.displayName ?? existing?.displayName ?? smtp.split('@')[0], members: input.members };
    store.distributionLists.set(smtp.toLowerCase(), list);
    res.status(existing ? 200 : 201).json(listView(list));
  });

  // A list another list names stays: removing it would leave that member naming nothing.
  router.delete('/distribution-lists/:smtp', (req, res) => {
    const store = state.store;
    const list = store.distributionList(req.params.smtp);
    if (!list) throw notFound(`distribution list ${req.params.smtp}`, 'smtp');
    const holder = [...store.distributionLists.values()].find((l) => l !== list && l.members.some((m) => m.toLowerCase() === list.smtp.toLowerCase()));
    if (holder) throw new AdminError(409, `smtp: ${list.smtp} is a member of ${holder.smtp}; remove it there first`, 'smtp');
    store.distributionLists.delete(list.smtp.toLowerCase());
    res.status(204).end();
  });
  return router;
}
