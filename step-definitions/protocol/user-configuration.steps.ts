import { DataTable, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { findAll, textOf } from '../support/soap';

/** What GetUserConfiguration answered, read from the raw response. */

function configuration(world: EwsWorld): Record<string, unknown> {
  const found = findAll(world.reply?.doc, 'UserConfiguration')[0];
  assert.ok(found, world.reply?.body);
  return found;
}

const texts = (node: Record<string, unknown> | undefined, name: string): string[] => findAll(node, name).map((e) => textOf(e) ?? '');

/** Rows: key type, key, value type, value (a StringArray's values joined by " | "; a missing value "-"). */
Then('the user configuration answered holds the entries:', function (this: EwsWorld, table: DataTable) {
  const entries = findAll(configuration(this), 'DictionaryEntry').map((e) => {
    const key = findAll(e, 'DictionaryKey')[0];
    const value = findAll(e, 'DictionaryValue')[0];
    return [texts(key, 'Type')[0], texts(key, 'Value').join(' | '), value ? texts(value, 'Type')[0] : '-', value ? texts(value, 'Value').join(' | ') : '-'];
  });
  assert.deepEqual(entries, table.raw(), this.reply?.body);
});

Then('the user configuration answered is named {string}, as asked', function (this: EwsWorld, name: string) {
  assert.equal(findAll(configuration(this), 'UserConfigurationName')[0]?.['@Name'], name, this.reply?.body);
});

Then('the user configuration answered has {word}', function (this: EwsWorld, parts: string) {
  const c = configuration(this);
  const present = ['ItemId', 'Dictionary', 'XmlData', 'BinaryData'].filter((p) => findAll(c, p).length > 0);
  assert.deepEqual(present, parts === 'nothing' ? [] : parts.split(','), this.reply?.body);
});

Then('the user configuration answered has the XML {string} and the bytes {string}', function (this: EwsWorld, xml: string, bytes: string) {
  const c = configuration(this);
  assert.equal(Buffer.from(texts(c, 'XmlData')[0], 'base64').toString('utf8'), xml);
  assert.deepEqual([...Buffer.from(texts(c, 'BinaryData')[0], 'base64')], bytes.split(' ').map(Number));
});
