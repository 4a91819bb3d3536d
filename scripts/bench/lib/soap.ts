/** Raw EWS requests the benchmarks send: the super-user impersonating a mailbox, as a syncer would. */

const NS_SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const NS_M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const NS_T = 'http://schemas.microsoft.com/exchange/services/2006/types';

export const SUPER_USER = 'svc-bench@bench.test';
export const PASSWORD = 'Passw0rd!';

export function basicAuth(login = SUPER_USER, password = PASSWORD): string {
  return 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64');
}

export const SOAP_HEADERS = (): Record<string, string> => ({ 'Content-Type': 'text/xml; charset=utf-8', Authorization: basicAuth() });

export function envelope(body: string, impersonate: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<soap:Envelope xmlns:soap="${NS_SOAP}" xmlns:m="${NS_M}" xmlns:t="${NS_T}"><soap:Header>` +
    `<t:RequestServerVersion Version="Exchange2010_SP2"/>` +
    `<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${impersonate}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>` +
    `</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

export function findItemIdOnly(mailbox: string, max: number, offset = 0): string {
  return envelope(
    `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>` +
      `<m:IndexedPageItemView MaxEntriesReturned="${max}" Offset="${offset}" BasePoint="Beginning"/>` +
      `<m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>`,
    mailbox,
  );
}

/** FindItem IdOnly of the Inbox sorted by one property (a FieldURI such as item:Subject). */
export function findItemSorted(mailbox: string, max: number, offset: number, fieldUri: string, order: 'Ascending' | 'Descending'): string {
  return envelope(
    `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>` +
      `<m:IndexedPageItemView MaxEntriesReturned="${max}" Offset="${offset}" BasePoint="Beginning"/>` +
      `<m:SortOrder><t:FieldOrder Order="${order}"><t:FieldURI FieldURI="${fieldUri}"/></t:FieldOrder></m:SortOrder>` +
      `<m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>`,
    mailbox,
  );
}

export function getItemWithMime(mailbox: string, ids: string[]): string {
  return envelope(
    `<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:ItemShape>` +
      `<m:ItemIds>${ids.map((id) => `<t:ItemId Id="${id}"/>`).join('')}</m:ItemIds></m:GetItem>`,
    mailbox,
  );
}

export function syncFolderItems(mailbox: string, max: number, syncState?: string): string {
  return envelope(
    `<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>` +
      `<m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId>` +
      (syncState ? `<m:SyncState>${syncState}</m:SyncState>` : '') +
      `<m:MaxChangesReturned>${max}</m:MaxChangesReturned></m:SyncFolderItems>`,
    mailbox,
  );
}

export async function post(url: string, xml: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: SOAP_HEADERS(), body: xml });
  return { status: res.status, body: await res.text() };
}

/** Posts and insists on HTTP 200 with every ResponseCode NoError: a benchmark of failures measures nothing. */
export async function postOk(url: string, xml: string): Promise<string> {
  const { status, body } = await post(url, xml);
  const codes = [...body.matchAll(/<m:ResponseCode>([^<]*)<\/m:ResponseCode>/g)].map((m) => m[1]);
  if (status !== 200 || codes.length === 0 || codes.some((c) => c !== 'NoError')) {
    throw new Error(`request failed: HTTP ${status}, ResponseCodes ${codes.join(',') || 'none'}: ${body.slice(0, 400)}`);
  }
  return body;
}

export const itemIdsOf = (body: string): string[] => [...body.matchAll(/<t:ItemId Id="([^"]+)"/g)].map((m) => m[1]);
export const syncStateOf = (body: string): string => /<m:SyncState>([^<]*)<\/m:SyncState>/.exec(body)?.[1] ?? '';
export const countOf = (body: string, element: string): number => body.split(`<${element}>`).length - 1 + body.split(`<${element} `).length - 1;
