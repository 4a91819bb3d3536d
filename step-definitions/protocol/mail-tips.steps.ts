import { DataTable, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { findAll, textOf } from '../support/soap';

/** GetMailTips answers: one row per recipient, the tips it carries; "—" for a tip left out. */
Then('the mail tips are:', function (this: EwsWorld, table: DataTable) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const [header, ...rows] = table.raw();
  const tips = findAll(this.reply?.doc, 'MailTips');
  const shown = tips.map((t) =>
    header.map((column) => {
      if (column === 'Recipient') return textOf(findAll(t, 'EmailAddress')[0]) ?? '—';
      if (column === 'Name') return textOf(findAll(t, 'Name')[0]) ?? '';
      if (column === 'OutOfOffice') {
        const oof = findAll(t, 'OutOfOffice')[0];
        return oof ? (textOf(findAll(oof, 'Message')[0]) ?? '') : '—';
      }
      if (column === 'Window') {
        const oof = findAll(t, 'OutOfOffice')[0];
        const start = oof && textOf(findAll(oof, 'StartTime')[0]);
        return start ? `${start} – ${textOf(findAll(oof, 'EndTime')[0])}` : '—';
      }
      const found = findAll(t, column)[0];
      return found ? (textOf(found) ?? '') : '—';
    }),
  );
  assert.deepEqual(shown, rows, this.reply?.body);
});
