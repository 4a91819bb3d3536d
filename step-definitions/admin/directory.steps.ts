import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { lastAdminReply } from './admin-http';

Then('every account in the admin answer has a different SID, and {mailbox} shares {mailbox}\'s domain prefix', function (this: EwsWorld, a: string, b: string) {
  const accounts = lastAdminReply(this).json as { smtp: string; sid: string }[];
  const sids = accounts.map((x) => x.sid);
  assert.equal(new Set(sids).size, sids.length, sids.join(' '));
  const prefix = (smtp: string) => accounts.find((x) => x.smtp === smtp)!.sid.replace(/-\d+$/, '');
  assert.equal(prefix(a), prefix(b));
});
