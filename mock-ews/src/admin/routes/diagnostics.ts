import { Router } from 'express';
import type { MockState } from '../../server/state';
import { storeDigest } from '../../store/snapshot';

/**
 * What a test checks about the mock itself rather than about one mailbox: a digest of the whole
 * store (to prove a request changed nothing) and the unexpected server errors (bugs in the mock,
 * which a test harness should fail on even when the client saw a plausible answer).
 */
export function diagnosticRoutes(state: MockState): Router {
  const router = Router();

  router.get('/store/digest', (_req, res) => {
    // Equal digests mean an equal store: accounts, grants, folders, items, change keys and journals.
    const { digest, mailboxes } = storeDigest(state.store);
    res.json({ digest, mailboxes });
  });

  router.get('/errors', (_req, res) => {
    res.json({
      count: state.errors.length,
      errors: state.errors.map(({ error, record }) => ({
        at: record.at.toISOString(),
        requestId: record.id ?? null,
        operation: record.operation ?? null,
        account: record.account ?? null,
        mailbox: record.mailbox ?? null,
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? (error.stack ?? null) : null,
      })),
    });
  });
  return router;
}
