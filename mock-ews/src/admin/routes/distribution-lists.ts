import { Router } from 'express';
import { z } from 'zod';
import type { MockState } from '../../server/state';
import type { DistributionList } from '../../store/types';
import { AdminError, notFound, parseBody } from '../errors';
import { jsonBody, jsonParser } from './body';

/** The directory's distribution lists: read, set and removed at run time as a scenario file declares them. */

const email = z.string().trim().regex(/^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'must be an email address like alice@acme.test');
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

  // Creates or replaces a list, under the rules a scenario file's lists follow (docs/SCENARIOS.md).
  router.put('/distribution-lists/:smtp', jsonParser, (req, res) => {
    const store = state.store;
    const smtp = parseBody(email, req.params.smtp, 'smtp');
    const input = parseBody(listInput, jsonBody(req));
    if (store.domains.length > 0 && !store.domains.includes(domainOf(smtp))) throw new AdminError(400, `smtp: ${smtp} is not in one of the scenario's domains (${store.domains.join(', ')})`, 'smtp');
    if (store.account(smtp) || store.mailbox(smtp)) throw new AdminError(409, `smtp: ${smtp} is an account's or a mailbox's address`, 'smtp');
    input.members.forEach((m, i) => {
      if (m.toLowerCase() === smtp.toLowerCase()) throw new AdminError(400, `members[${i}]: a list cannot be its own member`, `members[${i}]`);
      const internal = store.domains.includes(domainOf(m));
      if (internal && !store.mailbox(m) && !store.distributionList(m)) throw new AdminError(400, `members[${i}]: ${m} is in the scenario's domains but names no mailbox or list`, `members[${i}]`);
    });
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
