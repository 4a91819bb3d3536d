import { Then, When, DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import * as ews from 'ews-javascript-api';
import type { EwsWorld } from '../support/world';
import { DEFAULT_PASSWORD } from '../support/accounts';
import { findAll, textOf } from '../support/soap';
import { wellKnown } from './folders.steps';
import { propertyNamed } from './item-filters';

/**
 * Grouped FindItem views, through ews-javascript-api's FindItems(folder, view, Grouping) and as raw
 * responses. A group is written in tables as its GroupIndex and its subjects, comma-separated.
 */

interface GroupedPage {
  groups: string[][];
  total: number;
  more: boolean;
  next: number | null;
}

function grouping(groupOn: string, order: string, aggregate: string, aggregateOn: string): ews.Grouping {
  const direction = ews.SortDirection[order as keyof typeof ews.SortDirection];
  const type = ews.AggregateType[aggregate as keyof typeof ews.AggregateType];
  assert.ok(direction !== undefined && type !== undefined, `unknown order "${order}" or aggregate "${aggregate}"`);
  return new ews.Grouping(propertyNamed(groupOn), direction, propertyNamed(aggregateOn), type);
}

function rows(groups: ews.ItemGroup<ews.Item>[]): string[][] {
  return groups.map((g) => [String(g.GroupIndex), g.Items.map((i) => i.Subject).join(', ')]);
}

async function findGrouped(world: EwsWorld, login: string, target: string, folder: string, pageSize: number, group: ews.Grouping): Promise<void> {
  const svc = await world.service(login, DEFAULT_PASSWORD, target);
  const folderId = new ews.FolderId(wellKnown(folder));
  const pages: GroupedPage[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const res: ews.GroupedFindItemsResults<ews.Item> = await svc.FindItems(folderId, new ews.ItemView(pageSize, offset), group);
    pages.push({ groups: rows(res.ItemGroups), total: res.TotalCount, more: res.MoreAvailable, next: res.NextPageOffset });
    offset = res.MoreAvailable ? res.NextPageOffset : null;
    assert.ok(pages.length < 100, 'paging does not end');
  }
  world.results.set('groupedPages', pages);
}

function groupedPages(world: EwsWorld): GroupedPage[] {
  const pages = world.results.get('groupedPages') as GroupedPage[] | undefined;
  assert.ok(pages, 'no grouped FindItem call was made');
  return pages;
}

When(
  '{mailbox} impersonating {mailbox} finds items in {folder} grouped by {string} with the groups in {word} order of their {word} {string}',
  async function (this: EwsWorld, login: string, target: string, folder: string, groupOn: string, order: string, aggregate: string, aggregateOn: string) {
    await findGrouped(this, login, target, folder, 100, grouping(groupOn, order, aggregate, aggregateOn));
  },
);

When(
  '{mailbox} impersonating {mailbox} pages {int} rows at a time through {folder} grouped by {string} with the groups in {word} order of their {word} {string}',
  async function (this: EwsWorld, login: string, target: string, size: number, folder: string, groupOn: string, order: string, aggregate: string, aggregateOn: string) {
    await findGrouped(this, login, target, folder, size, grouping(groupOn, order, aggregate, aggregateOn));
  },
);

Then('the groups found are:', function (this: EwsWorld, table: DataTable) {
  const pages = groupedPages(this);
  assert.equal(pages.length, 1, `expected one page, got ${pages.length}`);
  assert.deepEqual(pages[0].groups, table.raw());
});

Then('the grouped view holds {int} items in total and no more are available', function (this: EwsWorld, total: number) {
  const [page] = groupedPages(this);
  assert.equal(page.total, total);
  assert.equal(page.more, false);
});

/** Table rows: the page's groups as "index: subjects" joined by " | ", then the next offset or "none". */
Then('the grouped pages are:', function (this: EwsWorld, table: DataTable) {
  const pages = groupedPages(this).map((p) => [p.groups.map(([index, subjects]) => `${index}: ${subjects}`).join(' / '), p.more ? String(p.next) : 'none']);
  assert.deepEqual(pages, table.raw());
});

Then('the response lists the groups:', function (this: EwsWorld, table: DataTable) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  const groups = findAll(this.reply?.doc, 'GroupedItems').map((g) => [
    textOf(findAll(g, 'GroupIndex')[0]) ?? '',
    findAll(g, 'Message')
      .map((m) => textOf(findAll(m, 'Subject')[0]))
      .join(', '),
  ]);
  assert.deepEqual(groups, table.raw());
});

Then('the response lists no groups', function (this: EwsWorld) {
  assert.equal(this.reply?.status, 200, this.reply?.body);
  assert.equal(findAll(this.reply?.doc, 'Groups').length, 1, this.reply?.body);
  assert.equal(findAll(this.reply?.doc, 'GroupedItems').length, 0, this.reply?.body);
});
