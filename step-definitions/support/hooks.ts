import { After, Before, setDefaultTimeout } from '@cucumber/cucumber';
import type { EwsWorld } from './world';
import { AdminApiError, type AdminClient } from '../../mock-ews/src/client/admin-client';
import { SKIP_REASON } from './target';

setDefaultTimeout(30_000);

Before(function (this: EwsWorld) {
  this.mockOptions = { port: 0 };
});

/** Against another EWS server (EWS_TARGET_URL) scenarios that need the mock itself are skipped, saying why. */
Before({ tags: '@needs-admin or @mock-only' }, function (this: EwsWorld) {
  if (!this.target) return undefined;
  this.log(SKIP_REASON);
  return 'skipped';
});

/**
 * Guard: a scenario fails when the mock hit an unexpected error (a bug, answered as
 * ErrorInternalServerError), even if the scenario's own assertions passed.
 */
After(async function (this: EwsWorld) {
  const mock = this.mock;
  this.mock = undefined;
  if (!mock) return;
  let report: Awaited<ReturnType<AdminClient['serverErrors']>> | undefined;
  try {
    report = await mock.admin.serverErrors();
  } catch (err) {
    // A mock started without its admin API cannot be asked; those scenarios go unguarded.
    if (!(err instanceof AdminApiError && err.status === 0)) throw err;
  } finally {
    await mock.close();
  }
  if (report && report.count > 0) {
    const [first] = report.errors;
    throw new Error(`the mock logged ${report.count} unexpected error(s); first during ${first.operation ?? 'a request'}:\n${first.stack ?? first.message}`);
  }
});
