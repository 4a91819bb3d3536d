/**
 * Every EWS ResponseCode the mock can emit, with the shape Exchange answers it in and its text.
 * - `fault`: HTTP 500 SOAP fault with `detail/e:ResponseCode` (request-level failures);
 * - `item`: HTTP 200 with a ResponseMessage of ResponseClass="Error" (per-item failures).
 * A test checks that every code thrown anywhere in the mock is listed here.
 */
export type ErrorShape = 'fault' | 'item';

export interface CatalogueEntry {
  shapes: readonly ErrorShape[];
  message: string;
}

const entries = {
  ErrorAccessDenied: { shapes: ['item', 'fault'], message: 'Access is denied. Check credentials and try again.' },
  ErrorAttachmentSizeLimitExceeded: { shapes: ['item'], message: 'The attachment could not be opened because it exceeds the size limit.' },
  ErrorCannotDeleteObject: { shapes: ['item'], message: 'The object cannot be deleted.' },
  ErrorCrossMailboxMoveCopy: { shapes: ['item'], message: 'Move and Copy operations across mailbox boundaries are not permitted.' },
  ErrorCorruptData: { shapes: ['item'], message: 'The data is corrupt.' },
  ErrorDeleteDistinguishedFolder: { shapes: ['item'], message: 'Distinguished folders cannot be deleted.' },
  ErrorExceededConnectionCount: { shapes: ['fault'], message: 'You have exceeded the available concurrent connections for your account. Try again once your other requests have completed.' },
  ErrorExceededFindCountLimit: { shapes: ['item'], message: 'The number of items found exceeds the limit for this request.' },
  ErrorExpiredSubscription: { shapes: ['item'], message: 'The subscription has expired.' },
  ErrorFolderExists: { shapes: ['item'], message: 'A folder with the specified name already exists.' },
  ErrorFolderNotFound: { shapes: ['item'], message: 'The specified folder could not be found in the store.' },
  ErrorImpersonateUserDenied: { shapes: ['fault'], message: 'The account does not have permission to impersonate the requested user.' },
  ErrorImpersonationDenied: { shapes: ['fault'], message: 'The server to which the application is connected cannot impersonate the requested user due to insufficient permission.' },
  ErrorIncorrectSchemaVersion: { shapes: ['fault'], message: 'The request is valid but does not specify the correct server version in the RequestServerVersion SOAP header. Ensure that the RequestServerVersion SOAP header is set with the correct RequestServerVersionValue.' },
  ErrorIncorrectUpdatePropertyCount: { shapes: ['item'], message: 'An object within a change description must contain one and only one property to modify.' },
  ErrorInternalServerError: { shapes: ['item', 'fault'], message: 'An internal server error occurred. The operation failed.' },
  ErrorInternalServerTransientError: { shapes: ['item', 'fault'], message: 'An internal server error occurred. Try again later.' },
  ErrorInvalidAttachmentId: { shapes: ['item'], message: 'The attachment ID is invalid.' },
  ErrorInvalidChangeKey: { shapes: ['item'], message: 'The change key is invalid.' },
  ErrorInvalidExchangeImpersonationHeaderData: { shapes: ['fault'], message: 'The impersonation header data is invalid: exactly one of PrincipalName, SID, PrimarySmtpAddress or SmtpAddress must be given and must not be empty.' },
  ErrorInvalidFractionalPagingParameters: { shapes: ['item'], message: 'Invalid fractional paging offset values.' },
  ErrorInvalidIdEmpty: { shapes: ['item'], message: 'The ID is empty.' },
  ErrorInvalidIdMalformed: { shapes: ['item'], message: 'Id is malformed.' },
  ErrorInvalidIndexedPagingParameters: { shapes: ['item'], message: 'The indexed paging parameters are invalid.' },
  ErrorInboxRulesValidationError: { shapes: ['item'], message: 'The rule operations failed validation: RuleOperationErrors says which and why.' },
  ErrorInvalidOperation: { shapes: ['item'], message: 'The operation is not valid for this item.' },
  ErrorInvalidPagingMaxRows: { shapes: ['item'], message: 'The paging MaxEntriesReturned value is invalid.' },
  ErrorInvalidPropertyAppend: { shapes: ['item'], message: 'Append action is invalid for property.' },
  ErrorInvalidPropertyDelete: { shapes: ['item'], message: 'Delete action is invalid for property.' },
  ErrorInvalidPropertyForExists: { shapes: ['item'], message: 'Property cannot be used in Exists expression. Use IsEqualTo instead.' },
  ErrorInvalidPropertyForOperation: { shapes: ['item'], message: 'Property is not valid for this operation.' },
  ErrorInvalidPropertyRequest: { shapes: ['item'], message: 'The property request is invalid.' },
  ErrorInvalidPropertySet: { shapes: ['item'], message: 'Set action is invalid for property.' },
  ErrorInvalidRecipients: { shapes: ['item'], message: "At least one recipient isn't valid." },
  ErrorInvalidRequest: { shapes: ['fault', 'item'], message: 'The request is invalid.' },
  ErrorInvalidRestriction: { shapes: ['item'], message: 'The restriction or sort order is too complex for this operation.' },
  ErrorInvalidSendItemSaveSettings: { shapes: ['item'], message: 'SavedItemFolderId is not allowed when SaveItemToFolder is false.' },
  ErrorInvalidServerVersion: { shapes: ['fault'], message: 'The specified server version is invalid.' },
  ErrorInvalidSmtpAddress: { shapes: ['item'], message: 'The SMTP address format is invalid.' },
  ErrorInvalidScheduledOofDuration: { shapes: ['item'], message: 'The scheduled out-of-office duration must end after it starts, and in the future.' },
  ErrorInvalidSubscription: { shapes: ['item'], message: 'The subscription is not valid for this operation.' },
  ErrorInvalidSubscriptionRequest: { shapes: ['item'], message: 'The subscription request is invalid.' },
  ErrorInvalidSyncStateData: { shapes: ['item'], message: 'Synchronization state data is corrupt or otherwise invalid.' },
  ErrorInvalidValueForProperty: { shapes: ['item'], message: 'The specified value is invalid for property.' },
  ErrorInvalidWatermark: { shapes: ['item'], message: 'The watermark is invalid.' },
  ErrorIrresolvableConflict: { shapes: ['item'], message: 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.' },
  ErrorItemNotFound: { shapes: ['item'], message: 'The specified object was not found in the store.' },
  ErrorItemSave: { shapes: ['item'], message: 'The item could not be saved.' },
  ErrorMailboxMoveInProgress: { shapes: ['fault', 'item'], message: 'The mailbox is being moved. Try again later.' },
  ErrorMailboxStoreUnavailable: { shapes: ['item', 'fault'], message: 'The mailbox database is temporarily unavailable.' },
  ErrorMessageDispositionRequired: { shapes: ['item'], message: 'MessageDisposition attribute is required.' },
  ErrorMoveCopyFailed: { shapes: ['item'], message: 'The move or copy operation failed.' },
  ErrorMoveDistinguishedFolder: { shapes: ['item'], message: 'Distinguished folders cannot be moved.' },
  ErrorNameResolutionMultipleResults: { shapes: ['item'], message: 'Multiple results were found.' },
  ErrorNameResolutionNoResults: { shapes: ['item'], message: 'No results were found.' },
  ErrorNonExistentMailbox: { shapes: ['fault', 'item'], message: 'The SMTP address has no mailbox associated with it.' },
  ErrorSchemaValidation: { shapes: ['fault'], message: 'The request failed schema validation.' },
  ErrorSendAsDenied: { shapes: ['item'], message: 'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.' },
  ErrorServerBusy: { shapes: ['fault', 'item'], message: 'The server cannot service this request right now. Try again later.' },
  ErrorSubscriptionAccessDenied: { shapes: ['item'], message: 'Subscriptions can only be used by the account that created them.' },
  ErrorSubscriptionNotFound: { shapes: ['item'], message: 'The specified subscription was not found.' },
  ErrorNewEventStreamConnectionOpened: { shapes: ['item'], message: 'A new event stream connection was opened for this subscription; this connection no longer receives its events.' },
  ErrorSyncFolderNotFound: { shapes: ['item'], message: 'The specified synchronization folder could not be found.' },
  ErrorUnsupportedPathForQuery: { shapes: ['item'], message: 'The property path is not supported for this query.' },
  ErrorUnsupportedPathForSortGroup: { shapes: ['item'], message: 'The property can not be used for sorting or grouping results.' },
  ErrorUnsupportedQueryFilter: { shapes: ['item'], message: 'The query filter is not supported.' },
  ErrorUpdatePropertyMismatch: { shapes: ['item'], message: 'Property for update does not match property in object.' },
} as const satisfies Record<string, CatalogueEntry>;

export type ResponseCode = keyof typeof entries;

export const ERROR_CATALOGUE: Readonly<Record<ResponseCode, CatalogueEntry>> = entries;

export function isResponseCode(code: string): code is ResponseCode {
  return Object.prototype.hasOwnProperty.call(entries, code);
}

/** Detail a fault may carry besides its code and message. */
export interface FaultDetail {
  /** For schema errors: where the violation is and what it is. */
  messageXml?: { lineNumber?: number; linePosition?: number; violation?: string };
  /** Named values, e.g. BackOffMilliseconds for throttling. */
  values?: Record<string, string>;
}

/** A request-level failure: answered as an HTTP 500 SOAP fault. */
export class EwsFault extends Error {
  constructor(
    readonly code: ResponseCode,
    message?: string,
    readonly detail: FaultDetail = {},
    /** faultstring when it differs from the message (schema errors prepend a sentence). */
    readonly faultString?: string,
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    if (!ERROR_CATALOGUE[code].shapes.includes('fault')) throw new Error(`${code} is not a fault-shaped code`);
  }
}

/** A per-item failure: answered as a ResponseMessage with ResponseClass="Error" in an HTTP 200. */
export class ItemError extends Error {
  constructor(
    readonly code: ResponseCode,
    message?: string,
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    if (!ERROR_CATALOGUE[code].shapes.includes('item')) throw new Error(`${code} is not an item-shaped code`);
  }
}

/** The schema fault for an element missing a required child (`expected`, in `expectedNs`). */
export function incompleteContent(element: { local: string; ns: string; line?: number }, expected: string, expectedNs: string): EwsFault {
  return schemaFault(`The element '${element.local}' in namespace '${element.ns}' has incomplete content. List of possible elements expected: '${expected}' in namespace '${expectedNs}'.`, element.line);
}

/** A schema violation, as .NET reports it: the faultstring carries the detail. */
export function schemaFault(violation: string, line?: number, position?: number): EwsFault {
  return new EwsFault(
    'ErrorSchemaValidation',
    'The request failed schema validation.',
    { messageXml: { lineNumber: line, linePosition: position, violation } },
    `The request failed schema validation: ${violation}`,
  );
}
