import type { Folder } from './types';

/** The value types of a user configuration's dictionary (UserConfigurationDictionaryObjectTypesType). */
export const DICTIONARY_TYPES = ['DateTime', 'Boolean', 'Byte', 'String', 'Integer32', 'UnsignedInteger32', 'Integer64', 'UnsignedInteger64', 'StringArray', 'ByteArray'] as const;
export type DictionaryType = (typeof DICTIONARY_TYPES)[number];

/** A dictionary key or value: its type and its value(s) in canonical text (one, or a StringArray's several). */
export interface DictionaryObject {
  type: DictionaryType;
  values: string[];
}

export interface DictionaryEntry {
  key: DictionaryObject;
  /** Absent: the entry maps its key to nothing (a DictionaryEntry without DictionaryValue). */
  value?: DictionaryObject;
}

/**
 * A user configuration object (folder-associated settings an application keeps in a folder by
 * name: OWA's options, the category list, an add-in's state): a typed dictionary, an XML stream and
 * a binary stream. Held on its folder; never listed among the folder's items.
 */
export interface UserConfiguration {
  name: string;
  /** Its ItemId and the version its ChangeKey derives from. */
  id: string;
  changeKey: string;
  version: number;
  dictionary: DictionaryEntry[];
  xmlData?: Buffer;
  binaryData?: Buffer;
}

/** What a create or update request gives: each part absent when the request leaves it out. */
export interface ConfigurationContent {
  dictionary?: DictionaryEntry[];
  xmlData?: Buffer;
  binaryData?: Buffer;
}

/** Names are compared without regard to case, as Exchange's are. */
export function configurationOf(folder: Folder, name: string): UserConfiguration | undefined {
  return folder.configurations?.get(name.toLowerCase());
}

/** Where a key stands in a dictionary: same type and same value(s). */
export function sameKey(a: DictionaryObject, b: DictionaryObject): boolean {
  return a.type === b.type && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
}
