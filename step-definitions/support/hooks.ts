import { After, Before, setDefaultTimeout } from '@cucumber/cucumber';
import type { EwsWorld } from './world';
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
  await mock.close();
  const errors = mock.state.errors;
  if (errors.length > 0) {
    const first = errors[0];
    const detail = first.error instanceof Error ? first.error.stack ?? first.error.message : String(first.error);
    throw new Error(`the mock logged ${errors.length} unexpected error(s); first during ${first.record.operation ?? 'a request'}:\n${detail}`);
  }
});
