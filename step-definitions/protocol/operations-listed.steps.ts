import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OPERATIONS } from '../../mock-ews/src/operations/registry';
import { NOT_EMULATED } from '../../mock-ews/src/operations/not-emulated';

/** A documentation check, like the OpenAPI document's against the error catalogue: the registry is the source. */
Then('the section {string} of README.md names every operation the mock answers and no operation it does not emulate', function (section: string) {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(`## ${section}`);
  assert.ok(start >= 0, `README.md has no section "${section}"`);
  const end = readme.indexOf('\n## ', start + 3);
  const served = readme.slice(start, end < 0 ? undefined : end).split('Not served:')[0];
  const words = new Set(served.match(/[A-Z][A-Za-z]+/g));
  // GetUserOofSettingsRequest and its kin are the body elements of operations named without "Request".
  const named = (op: string) => words.has(op) || words.has(op.replace(/Request$/, ''));
  const missing = [...OPERATIONS.keys()].filter((op) => !named(op));
  assert.deepEqual(missing, [], `served but not listed in README.md: ${missing.join(', ')}`);
  const wrong = [...NOT_EMULATED.keys()].filter(named);
  assert.deepEqual(wrong, [], `listed as served in README.md but not emulated: ${wrong.join(', ')}`);
});
