import { el, idElement, leaf, Xml } from '../../soap/response-writer';
import { incompleteContent, ItemError, schemaFault } from '../../soap/error-catalogue';
import { NS } from '../../soap/namespaces';
import type { XmlElement } from '../../soap/xml-element';
import type { Folder } from '../../store/types';
import { ConfigurationContent, DICTIONARY_TYPES, DictionaryObject, sameKey, UserConfiguration } from '../../store/user-configurations';
import type { OperationContext } from '../operation';
import { folderIdElements, resolveFolderId } from './folder-ids';
import { base64Value, enumValue, ewsDate } from './schema-values';

/** A t:/m:UserConfigurationName: the name and the folder it names, and the folder element as asked. */
export interface ConfigurationName {
  name: string;
  folder: Folder;
  folderEl: XmlElement;
}

const invalidValue = (text?: string) => new ItemError('ErrorInvalidValueForProperty', text);

/** The name's schema checks (a Name attribute, a folder) fail the request; the folder is resolved per message. */
export function checkConfigurationName(el: XmlElement | undefined, parent: XmlElement, elementNs: string): XmlElement {
  if (!el) throw incompleteContent(parent, 'UserConfigurationName', elementNs);
  if (el.attr('Name') === undefined) throw schemaFault("The required attribute 'Name' is missing.", el.line);
  if (!folderIdElements(el)[0]) throw incompleteContent(el, 'FolderId', NS.t);
  return el;
}

/**
 * The name and folder. Names are 1 to 200 characters without control characters; another is
 * ErrorInvalidValueForProperty.
 */
export function readConfigurationName(ctx: OperationContext, el: XmlElement): ConfigurationName {
  const name = el.attr('Name')!;
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || name.length > 200 || /[\u0000-\u001f]/.test(name)) throw invalidValue('The user configuration name is not valid.');
  const folderEl = folderIdElements(el)[0];
  return { name, folder: resolveFolderId(ctx, folderEl), folderEl };
}

/**
 * What a Create or Update request writes. Schema faults (a missing name or folder, an unknown type,
 * data that is not base64) fail the request now; what its response message answers instead — an
 * ItemId given (the server assigns it: ErrorInvalidOperation), a value its type cannot hold — is
 * thrown when `read` is called inside that message, which also resolves the name to its folder.
 */
export function configurationRequest(req: XmlElement): { read: (ctx: OperationContext) => { name: ConfigurationName; content: ConfigurationContent } } {
  const uc = req.m('UserConfiguration');
  if (!uc) throw incompleteContent(req, 'UserConfiguration', NS.m);
  const nameEl = checkConfigurationName(uc.t('UserConfigurationName'), uc, NS.t);
  let content: ConfigurationContent | ItemError;
  try {
    content = readConfigurationContent(uc);
  } catch (err) {
    if (!(err instanceof ItemError)) throw err;
    content = err;
  }
  return {
    read(ctx) {
      if (uc.t('ItemId')) throw new ItemError('ErrorInvalidOperation', 'An ItemId cannot be given to a user configuration object: the server assigns it.');
      if (content instanceof ItemError) throw content;
      return { name: readConfigurationName(ctx, nameEl), content };
    },
  };
}

/** Dictionary, XmlData and BinaryData of a t:UserConfiguration in a request, checked and canonical. */
export function readConfigurationContent(uc: XmlElement): ConfigurationContent {
  const out: ConfigurationContent = {};
  const dictionary = uc.t('Dictionary');
  if (dictionary) {
    out.dictionary = [];
    for (const entry of dictionary.children.filter((c) => c.ns === NS.t && c.local === 'DictionaryEntry')) {
      const keyEl = entry.t('DictionaryKey');
      if (!keyEl) throw incompleteContent(entry, 'DictionaryKey', NS.t);
      const valueEl = entry.t('DictionaryValue');
      const key = readObject(keyEl);
      // A key twice in one dictionary: Exchange names the key and saves nothing.
      if (out.dictionary.some((e) => sameKey(e.key, key))) throw invalidValue(`The dictionary key ${key.values.join(' ')} is in the dictionary twice.`);
      // No value, or xsi:nil (how the EWS Managed API and ews-javascript-api write a null): the key maps to nothing.
      out.dictionary.push(valueEl && valueEl.attr('nil') !== 'true' ? { key, value: readObject(valueEl) } : { key });
    }
  }
  const xml = uc.t('XmlData');
  if (xml) out.xmlData = base64Value(xml);
  const binary = uc.t('BinaryData');
  if (binary) out.binaryData = base64Value(binary);
  return out;
}

const INTEGER_RANGES: Partial<Record<DictionaryObject['type'], [bigint, bigint]>> = {
  Byte: [0n, 255n],
  Integer32: [-(2n ** 31n), 2n ** 31n - 1n],
  UnsignedInteger32: [0n, 2n ** 32n - 1n],
  Integer64: [-(2n ** 63n), 2n ** 63n - 1n],
  UnsignedInteger64: [0n, 2n ** 64n - 1n],
};

/** A DictionaryKey or DictionaryValue: Type and Value(s), each value converted to the type's canonical text. */
function readObject(o: XmlElement): DictionaryObject {
  const typeEl = o.t('Type');
  if (!typeEl) throw incompleteContent(o, 'Type', NS.t);
  const type = enumValue(typeEl.text.trim(), DICTIONARY_TYPES, 'UserConfigurationDictionaryObjectTypesType', { el: typeEl });
  const raw = o.children.filter((c) => c.ns === NS.t && c.local === 'Value').map((v) => v.text);
  if (raw.length === 0) throw invalidValue();
  if (type !== 'StringArray' && raw.length > 1) throw invalidValue('Only a StringArray holds more than one value.');
  const convert = (v: string): string => {
    const fail = () => invalidValue(`The value '${v}' cannot be converted to ${type}.`);
    const t = v.trim();
    switch (type) {
      case 'String':
      case 'StringArray':
        return v;
      case 'Boolean':
        if (t === 'true' || t === '1') return 'true';
        if (t === 'false' || t === '0') return 'false';
        throw fail();
      case 'DateTime': {
        const ms = Date.parse(t);
        if (!/^\d{4}-\d{2}-\d{2}T/.test(t) || Number.isNaN(ms)) throw fail();
        return ewsDate(new Date(ms));
      }
      case 'ByteArray':
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t)) throw fail();
        return Buffer.from(t, 'base64').toString('base64');
      default: {
        const [min, max] = INTEGER_RANGES[type]!;
        if (!/^[+-]?\d+$/.test(t)) throw fail();
        const n = BigInt(t);
        if (n < min || n > max) throw fail();
        return n.toString();
      }
    }
  };
  return { type, values: raw.map(convert) };
}

/** What GetUserConfiguration's UserConfigurationProperties asks for. */
export interface ConfigurationProperties {
  id: boolean;
  dictionary: boolean;
  xmlData: boolean;
  binaryData: boolean;
}

const PROPERTY_NAMES = ['Id', 'Dictionary', 'XmlData', 'BinaryData', 'All'] as const;

/** UserConfigurationPropertyType is a list: any of Id, Dictionary, XmlData, BinaryData, or All. */
export function readConfigurationProperties(e: XmlElement): ConfigurationProperties {
  const tokens = e.text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) throw schemaFault(`The '${e.ns}:${e.local}' element is invalid - The value '' is invalid according to its datatype '${NS.t}:UserConfigurationPropertyType'.`, e.line);
  const asked = new Set(tokens.map((t) => enumValue(t, PROPERTY_NAMES, 'UserConfigurationPropertyType', { el: e })));
  const all = asked.has('All');
  return { id: all || asked.has('Id'), dictionary: all || asked.has('Dictionary'), xmlData: all || asked.has('XmlData'), binaryData: all || asked.has('BinaryData') };
}

/**
 * A m:UserConfiguration in schema order: the name and folder as the request gave them, then what was
 * asked for and is there (an empty XML or binary stream is left out, as Exchange does).
 */
export function writeConfiguration(parent: Xml, c: UserConfiguration, name: ConfigurationName, props: ConfigurationProperties): void {
  const uc = el(parent, 'm:UserConfiguration');
  const n = el(uc, 't:UserConfigurationName', { Name: name.name });
  if (name.folderEl.local === 'DistinguishedFolderId') el(n, 't:DistinguishedFolderId', { Id: name.folderEl.attr('Id') });
  else idElement(n, 't:FolderId', name.folder);
  if (props.id) idElement(uc, 't:ItemId', c);
  if (props.dictionary && c.dictionary.length > 0) {
    const d = el(uc, 't:Dictionary');
    for (const entry of c.dictionary) {
      const e = el(d, 't:DictionaryEntry');
      writeObject(el(e, 't:DictionaryKey'), entry.key);
      if (entry.value) writeObject(el(e, 't:DictionaryValue'), entry.value);
    }
  }
  if (props.xmlData && c.xmlData?.length) leaf(uc, 't:XmlData', c.xmlData.toString('base64'));
  if (props.binaryData && c.binaryData?.length) leaf(uc, 't:BinaryData', c.binaryData.toString('base64'));
}

function writeObject(parent: Xml, o: DictionaryObject): void {
  leaf(parent, 't:Type', o.type);
  for (const v of o.values) leaf(parent, 't:Value', v);
}
