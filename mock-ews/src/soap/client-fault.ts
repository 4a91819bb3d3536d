import { NS } from './namespaces';
import { startEnvelope } from './response-writer';
import type { Profile } from '../profiles/profiles';

/**
 * A fault Exchange's availability and OOF service raises from a .NET exception rather than from an
 * EWS response code: faultcode soap:Client, the exception's text as faultstring, the endpoint as
 * faultactor and the exception's HRESULT as detail/ErrorCode (messages namespace). Unlike the EWS
 * faults (faultEnvelope) it keeps the envelope's ServerVersionInfo header.
 */
export class ClientFault extends Error {
  constructor(
    /** The .NET exception's type name, kept in the journal as the response code. */
    readonly exception: string,
    /** The whole faultstring, exception type first, as Exchange writes it. */
    readonly faultString: string,
    /** detail/ErrorCode: the exception's HRESULT as a signed number. */
    readonly errorCode: number,
  ) {
    super(faultString);
  }
}

/** COR_E_EXCEPTION, the HRESULT Exchange's AccessDeniedException carries. */
const COR_E_EXCEPTION = -2146233088;

/** MS-OXWOOF 3.1.4.1: OOF settings of a mailbox the caller does not own (or impersonate). */
export function notMailboxOwner(userSid: string, mailboxSid: string): ClientFault {
  const text = 'User is not mailbox owner.';
  return new ClientFault(
    'AccessDeniedException',
    `Microsoft.Exchange.Data.Storage.AccessDeniedException: ${text} User = ${userSid}, MailboxGuid = ${mailboxSid} ---> ${text} `,
    COR_E_EXCEPTION,
  );
}

/** The HTTP 500 envelope for a ClientFault; `actor` is the URL the request was posted to. */
export function clientFaultEnvelope(profile: Profile, fault: ClientFault, actor: string): string {
  const { doc, body } = startEnvelope(profile);
  const f = body.ele(`${profile.wire.envelopePrefix}:Fault`);
  f.ele('faultcode').txt(`${profile.wire.envelopePrefix}:Client`);
  f.ele('faultstring').txt(fault.faultString);
  f.ele('faultactor').txt(actor);
  f.ele('detail').ele('ErrorCode').att('xmlns', NS.m).txt(String(fault.errorCode));
  return doc.end();
}
