import { Request, Router } from 'express';
import type { MockState } from '../../server/state';
import { AdminError, notFound } from '../errors';
import { journalCounts, JournalFilter, queryJournal, recordView } from '../journal';
import { intParam, queryText } from '../views';

/** Reads the journal filter from the query string: after, operation, mailbox, account, failed, limit. */
export function journalFilter(req: Request): JournalFilter {
  const str = (name: string) => queryText(req.query, name);
  const failed = str('failed');
  if (failed !== undefined && failed !== 'true' && failed !== 'false') throw new AdminError(400, 'failed: must be true or false', 'failed');
  return {
    after: req.query.after === undefined ? undefined : intParam(req.query.after, 'after', 0, Number.MAX_SAFE_INTEGER),
    operation: str('operation'),
    mailbox: str('mailbox'),
    account: str('account'),
    failed: failed === undefined ? undefined : failed === 'true',
    limit: intParam(req.query.limit, 'limit', 100, 10_000),
  };
}

export function requestRoutes(state: MockState): Router {
  const router = Router();
  router.get('/requests', (req, res) => {
    res.json(queryJournal(state.records, journalFilter(req)).map(recordView));
  });
  router.get('/requests/count', (req, res) => {
    const f = journalFilter(req);
    const matching = queryJournal(state.records, { ...f, limit: undefined });
    // lastId lets a poller tell that new requests arrived even once the journal is full and trims.
    res.json({ ...journalCounts(matching), total: matching.length, lastId: state.records.at(-1)?.id ?? 0 });
  });
  router.get('/requests/:id', (req, res) => {
    const id = Number(req.params.id);
    const record = Number.isInteger(id) ? state.records.find((r) => r.id === id) : undefined;
    if (!record) throw notFound(`request ${req.params.id} in the journal`, 'id');
    res.json(recordView(record));
  });
  router.delete('/requests', (_req, res) => {
    res.json({ cleared: state.clearJournal() });
  });
  return router;
}
