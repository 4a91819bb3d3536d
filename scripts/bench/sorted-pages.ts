/**
 * FindItem pages with a SortOrder on a 100,000-item Inbox (not a figure of docs/BENCHMARKS.md; a
 * check for the sort path): the time of the first page, of the pages after it, and of the first
 * page after one new message arrives, each request sent alone over HTTP to an in-process mock.
 *
 *   npx tsx scripts/bench/sorted-pages.ts      (BENCH_INBOX_ITEMS=100000, BENCH_PAGES=20)
 */
import { startMock } from '../../mock-ews/src/server/start';
import { envNumber } from './lib/report';
import { writeScenario } from './lib/scenarios';
import { findItemSorted, postOk } from './lib/soap';

const ITEMS = envNumber('BENCH_INBOX_ITEMS', 100_000);
const PAGES = envNumber('BENCH_PAGES', 20);
const SORTS: [string, 'Ascending' | 'Descending'][] = [
  ['item:Subject', 'Ascending'],
  ['message:From', 'Descending'],
  ['item:Size', 'Descending'],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function timed(url: string, xml: string): Promise<number> {
  const t = process.hrtime.bigint();
  await postOk(url, xml);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main(): Promise<void> {
  const scenario = writeScenario(`inbox-${ITEMS}`, { mailboxes: 1, perMailbox: ITEMS });
  const mock = await startMock({ scenario: scenario.file, port: 0 });
  const box = scenario.mailboxes[0];
  try {
    console.log(`FindItem IdOnly, pages of 100 of ${ITEMS.toLocaleString('en')} items, sorted; ms per request`);
    console.log('sort                      first page  next pages (median)  first page after a new message');
    for (const [field, order] of SORTS) {
      const first = await timed(mock.url, findItemSorted(box, 100, 0, field, order));
      const next: number[] = [];
      for (let p = 1; p <= PAGES; p++) next.push(await timed(mock.url, findItemSorted(box, 100, p * 100, field, order)));
      await mock.admin.deliver(box, 'inbox', { subject: 'A new arrival', from: 'someone@bench.test', text: 'x' });
      const afterNew = await timed(mock.url, findItemSorted(box, 100, 0, field, order));
      console.log(`${`${field} ${order}`.padEnd(26)}${first.toFixed(1).padStart(10)}  ${median(next).toFixed(1).padStart(19)}  ${afterNew.toFixed(1).padStart(30)}`);
    }
  } finally {
    await mock.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
