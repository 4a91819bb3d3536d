import { el, ResponseMessages } from '../soap/response-writer';
import { ItemError, schemaFault } from '../soap/error-catalogue';
import { NS } from '../soap/namespaces';
import type { XmlElement } from '../soap/xml-element';
import { decodeAlternate, encodeAlternate, IdFormat, isIdFormat } from './common/alternate-ids';
import { openMailbox } from './common/mailbox-access';
import type { Operation, OperationContext } from './operation';

const SMTP = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SOURCE_KINDS = ['AlternateId', 'AlternatePublicFolderId', 'AlternatePublicFolderItemId'];

/**
 * ConvertId: converts item and folder ids between formats, one ResponseMessage per source id.
 * The answer's Mailbox is the mailbox the id belongs to, whatever the request's Mailbox said:
 * clients rely on that to learn their primary address from the root folder id. An id of a mailbox
 * the request may not act on is refused like everywhere else (ErrorAccessDenied).
 */
export const convertId: Operation = {
  name: 'ConvertId',
  since: 'Exchange2007_SP1',
  async handle(ctx) {
    const destination = ctx.request.attr('DestinationFormat');
    if (destination === undefined) throw schemaFault("The required attribute 'DestinationFormat' is missing.", ctx.request.line);
    if (!isIdFormat(destination)) throw enumFault('DestinationFormat', destination, ctx.request.line);
    const container = ctx.request.m('SourceIds');
    const sources = (container?.children ?? []).filter((c) => c.ns === NS.t && SOURCE_KINDS.includes(c.local));
    if (!container || sources.length === 0 || sources.length !== container.children.length) {
      throw schemaFault(
        `The element '${container ? 'SourceIds' : 'ConvertId'}' in namespace '${NS.m}' has incomplete content. List of possible elements expected: '${container ? 'AlternateId' : 'SourceIds'}'.`,
        (container ?? ctx.request).line,
      );
    }
    for (const s of sources) checkAttributes(s);
    const out = new ResponseMessages(ctx.body, 'ConvertId');
    for (const source of sources) {
      await out.add((message) => {
        const converted = convertOne(ctx, source, destination);
        el(message, 'm:AlternateId', { 'xsi:type': 't:AlternateIdType', Format: destination, Id: converted.id, Mailbox: converted.mailbox });
      });
    }
  },
};

/** Required attributes and enumerations are schema rules: the whole request fails before any conversion. */
function checkAttributes(source: XmlElement): void {
  const required = source.local === 'AlternateId' ? ['Format', 'Id', 'Mailbox'] : ['Format', 'FolderId'];
  for (const name of required) {
    if (source.attr(name) === undefined) throw schemaFault(`The required attribute '${name}' is missing.`, source.line);
  }
  const format = source.attr('Format')!;
  if (!isIdFormat(format)) throw enumFault('Format', format, source.line);
}

function convertOne(ctx: OperationContext, source: XmlElement, destination: IdFormat): { id: string; mailbox: string } {
  // This store has no public folders, so no public folder id can name anything.
  if (source.local !== 'AlternateId') throw new ItemError('ErrorInvalidIdMalformed');
  const format = source.attr('Format')!;
  const id = source.attr('Id')!;
  if (id.trim() === '') throw new ItemError('ErrorInvalidIdEmpty');
  if (!SMTP.test(source.attr('Mailbox')!)) throw new ItemError('ErrorInvalidSmtpAddress');
  const facts = isIdFormat(format) ? decodeAlternate(ctx.store, format, id) : undefined;
  if (!facts) throw new ItemError('ErrorInvalidIdMalformed');
  const mailbox = openMailbox(ctx, facts.mailboxId);
  return { id: encodeAlternate(destination, facts, mailbox), mailbox: mailbox.smtp };
}

function enumFault(attribute: string, value: string, line: number) {
  return schemaFault(
    `The '${attribute}' attribute is invalid - The value '${value}' is invalid according to its datatype '${NS.t}:IdFormatType' - The Enumeration constraint failed.`,
    line,
  );
}
