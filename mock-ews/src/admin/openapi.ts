import { ERROR_CATALOGUE } from '../soap/error-catalogue';
import { PROFILE_NAMES } from '../profiles/profiles';
import { OOF_AUDIENCES, OOF_STATES } from '../store/out-of-office';
import { MAILBOX_RIGHTS } from '../store/mailbox-rights';

/**
 * The admin API described as OpenAPI 3.0. Hand-written next to the routes it documents; a
 * scenario checks that every route the server answers appears here and that the document is valid.
 */

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const param = (name: string, description: string, where: 'path' | 'query' = 'path', schema: Json = { type: 'string' }) => ({
  name,
  in: where,
  required: where === 'path',
  description,
  schema,
});
const body = (schema: Json, required = true) => ({ required, content: { 'application/json': { schema } } });

const smtp = param('smtp', 'SMTP address of the mailbox, e.g. alice@acme.test');
const folder = param('folder', 'A folder id, a distinguished name (inbox, sentitems, drafts, deleteditems, junkemail, outbox, msgfolderroot) or a path of display names such as "Inbox/Projects" (URL-encoded)');
const itemId = param('id', 'The item id (URL-encoded)');
const deleteType = param('deleteType', 'HardDelete removes it; MoveToDeletedItems (default) moves it to Deleted Items, as Outlook does, and removes it when it is already there', 'query', {
  type: 'string',
  enum: ['HardDelete', 'MoveToDeletedItems'],
});
const clientId = param('clientId', 'The application (client) id of an app registration; any case');
const bad = { '400': error('Bad input; `field` names the offending field. Nothing changed.'), '404': error('No such mailbox, folder or item.') };

const address = { oneOf: [{ type: 'string', format: 'email' }, { type: 'object', required: ['address'], additionalProperties: false, properties: { name: { type: 'string' }, address: { type: 'string' } } }] };
const scope = {
  type: 'object',
  properties: {
    operation: { type: 'string', description: 'EWS operation, e.g. FindItem' },
    mailbox: { type: 'string', description: 'Mailbox the request acts on (impersonated or own)' },
    account: { type: 'string', description: 'Authenticated account' },
    count: { type: 'integer', minimum: 1, description: 'Answer this many matching requests, then expire' },
    probability: { type: 'number', exclusiveMinimum: true, minimum: 0, maximum: 1 },
    seed: { type: 'integer', description: 'Seed of the PRNG that draws against probability (default 1)' },
  },
};
const faultKind = (kind: string, description: string, props: Json = {}, required: string[] = []) => ({
  description,
  allOf: [
    scope,
    { type: 'object', required: ['kind', ...required], properties: { kind: { type: 'string', enum: [kind] }, ...props } },
  ],
});

const schemas: Json = {
  App: {
    type: 'object',
    properties: {
      clientId: { type: 'string' },
      displayName: { type: 'string', nullable: true },
      roles: { type: 'array', items: { type: 'string' }, description: 'Application permissions, e.g. full_access_as_app' },
      tokenLifetimeSeconds: { type: 'integer' },
    },
  },
  Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' }, field: { type: 'string' } } },
  Health: {
    type: 'object',
    properties: { status: { type: 'string' }, uptimeMs: { type: 'integer' }, profile: { type: 'string' }, mailboxes: { type: 'integer' }, accounts: { type: 'integer' }, faults: { type: 'integer' }, requests: { type: 'integer' } },
  },
  Address: { type: 'object', nullable: true, properties: { name: { type: 'string', nullable: true }, address: { type: 'string' } } },
  Folder: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      displayName: { type: 'string' },
      path: { type: 'string' },
      distinguished: { type: 'string', nullable: true },
      parentId: { type: 'string', nullable: true },
      folderClass: { type: 'string' },
      totalCount: { type: 'integer' },
      unreadCount: { type: 'integer' },
      childFolderCount: { type: 'integer' },
    },
  },
  Mailbox: {
    type: 'object',
    properties: {
      smtp: { type: 'string' },
      displayName: { type: 'string' },
      account: { type: 'string', nullable: true },
      itemCount: { type: 'integer' },
      folders: { type: 'array', items: ref('Folder') },
      outOfOffice: {
        type: 'object',
        description: 'What GetUserOofSettings answers for the mailbox (disabled until set)',
        properties: {
          state: { type: 'string', enum: [...OOF_STATES] },
          externalAudience: { type: 'string', enum: [...OOF_AUDIENCES] },
          start: { type: 'string', format: 'date-time' },
          end: { type: 'string', format: 'date-time' },
          internalReply: { type: 'string' },
          externalReply: { type: 'string' },
        },
      },
    },
  },
  ItemSummary: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      changeKey: { type: 'string' },
      folderId: { type: 'string' },
      folder: { type: 'string' },
      subject: { type: 'string' },
      from: ref('Address'),
      to: { type: 'array', items: ref('Address') },
      dateTimeReceived: { type: 'string', format: 'date-time' },
      dateTimeSent: { type: 'string', format: 'date-time' },
      isRead: { type: 'boolean' },
      hasAttachments: { type: 'boolean' },
      size: { type: 'integer' },
      internetMessageId: { type: 'string' },
    },
  },
  Item: {
    allOf: [
      ref('ItemSummary'),
      {
        type: 'object',
        properties: {
          cc: { type: 'array', items: ref('Address') },
          bcc: { type: 'array', items: ref('Address') },
          replyTo: { type: 'array', items: ref('Address') },
          importance: { type: 'string', enum: ['Low', 'Normal', 'High'] },
          categories: { type: 'array', items: { type: 'string' } },
          itemClass: { type: 'string' },
          body: { type: 'object', properties: { text: { type: 'string', nullable: true }, html: { type: 'string', nullable: true } } },
          attachments: {
            type: 'array',
            items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' }, isInline: { type: 'boolean' } } },
          },
          extendedProperties: {
            type: 'object',
            description: 'MAPI properties clients set through EWS (ExtendedFieldURI), keyed "tag:7d:String" or "PublicStrings:name:CrmRecordId:String"',
            additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          },
          mime: { type: 'string', description: 'The RFC 822 message' },
        },
      },
    ],
  },
  FolderWithItems: { allOf: [ref('Folder'), { type: 'object', properties: { items: { type: 'array', items: ref('ItemSummary') } } }] },
  MessageInput: {
    type: 'object',
    additionalProperties: false,
    description: 'A message given as fields; `to` defaults to the mailbox owner, `received` to now.',
    properties: {
      subject: { type: 'string' },
      from: address,
      to: { type: 'array', items: address },
      cc: { type: 'array', items: address },
      bcc: { type: 'array', items: address },
      text: { type: 'string' },
      html: { type: 'string' },
      received: { type: 'string', format: 'date-time' },
      sent: { type: 'string', format: 'date-time' },
      messageId: { type: 'string' },
      importance: { type: 'string', enum: ['Low', 'Normal', 'High'] },
      isRead: { type: 'boolean' },
      categories: { type: 'array', items: { type: 'string' } },
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      attachments: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string' }, contentType: { type: 'string' }, content: { type: 'string' }, base64: { type: 'string', format: 'byte' }, size: { type: 'integer', minimum: 0, maximum: 67108864, description: 'that many synthetic bytes' } },
        },
      },
    },
  },
  Account: {
    type: 'object',
    properties: {
      smtp: { type: 'string' },
      displayName: { type: 'string' },
      upn: { type: 'string' },
      logonName: { type: 'string' },
      sid: { type: 'string' },
      department: { type: 'string', nullable: true },
      mailbox: { type: 'string', nullable: true },
    },
  },
  AccountInput: {
    type: 'object',
    required: ['smtp', 'password'],
    additionalProperties: false,
    properties: {
      smtp: { type: 'string', format: 'email' },
      password: { type: 'string' },
      displayName: { type: 'string' },
      upn: { type: 'string' },
      logonName: { type: 'string', description: 'DOMAIN\\user' },
      sid: { type: 'string' },
      department: { type: 'string' },
      mailbox: { type: 'boolean', default: true },
    },
  },
  GrantScope: {
    oneOf: [
      { type: 'string', enum: ['all'] },
      { type: 'object', required: ['domains'], additionalProperties: false, properties: { domains: { type: 'array', minItems: 1, items: { type: 'string' } } } },
      { type: 'object', required: ['mailboxes'], additionalProperties: false, properties: { mailboxes: { type: 'array', minItems: 1, items: { type: 'string' } } } },
    ],
  },
  Grant: {
    type: 'object',
    description: "The scenario file's grant form: exactly one of account and app; a scope, a recipientFilter or both",
    properties: {
      account: { type: 'string', description: 'Account that may impersonate' },
      app: { type: 'string', description: 'Application (client) id of an app grant (RBAC for Applications); takes no right' },
      scope: ref('GrantScope'),
      right: { type: 'string', enum: ['ApplicationImpersonation', 'ms-Exch-EPI-Impersonation', 'ms-Exch-EPI-May-Impersonate'] },
      recipientFilter: { type: 'string', description: "OPATH subset, e.g. Department -eq 'Sales'" },
    },
  },
  MailboxPermission: {
    type: 'object',
    description: "The scenario file's mailbox permission, one right each: FullAccess opens the mailbox's folders and items as a delegate; SendAs sends with its address as From and Sender; SendOnBehalf with its address as From and the user as Sender",
    required: ['mailbox', 'user'],
    properties: {
      mailbox: { type: 'string', description: 'SMTP address of the mailbox' },
      user: { type: 'string', description: 'SMTP address of the account given the right' },
      accessRights: { type: 'string', enum: [...MAILBOX_RIGHTS], default: 'FullAccess' },
    },
  },
  FaultInput: {
    description: 'One fault. Scope fields narrow which requests it answers; count or probability limit how often.',
    oneOf: [
      faultKind('http-status', 'A bare HTTP status from the web server (IIS-style HTML body; 401 carries WWW-Authenticate)', { status: { type: 'integer', enum: [401, 403, 500, 503] } }, ['status']),
      faultKind('server-busy', 'ErrorServerBusy fault with BackOffMilliseconds (null: without it)', { backOffMilliseconds: { type: 'integer', minimum: 0, default: 5000, nullable: true } }),
      faultKind(
        'response-code',
        'Any ResponseCode of the error catalogue, in its catalogue shape (500 SOAP fault, or 200 with one ResponseMessage of ResponseClass Error)',
        { code: { type: 'string', enum: Object.keys(ERROR_CATALOGUE) }, shape: { type: 'string', enum: ['fault', 'item'] }, message: { type: 'string' } },
        ['code'],
      ),
      faultKind('delay', 'Wait, then answer normally', { ms: { type: 'integer', minimum: 0, maximum: 120000 } }, ['ms']),
      faultKind('connection-reset', 'Reset the TCP connection (RST) without answering'),
      faultKind('empty-reply', 'Close the connection without sending a byte'),
      faultKind('malformed-xml', 'Run the operation, then send only the first half of its XML'),
      faultKind('slow-drip', 'Run the operation, then send its reply a few bytes at a time', {
        chunkBytes: { type: 'integer', minimum: 1, default: 64 },
        intervalMs: { type: 'integer', minimum: 0, maximum: 10000, default: 50 },
      }),
    ],
  },
  Fault: {
    allOf: [
      ref('FaultInput'),
      { type: 'object', properties: { id: { type: 'string' }, hits: { type: 'integer' }, remaining: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' } } },
    ],
  },
  JournalEntry: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      at: { type: 'string', format: 'date-time' },
      account: { type: 'string', nullable: true },
      mailbox: { type: 'string', nullable: true },
      operation: { type: 'string', nullable: true },
      version: { type: 'string', nullable: true },
      status: { type: 'integer', description: '0 when the connection was closed without an answer' },
      responseCode: { type: 'string', nullable: true },
      durationMs: { type: 'integer' },
      fault: { type: 'string', nullable: true },
      unmatched: { type: 'boolean' },
      failed: { type: 'boolean' },
      headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'Request headers; Authorization and Cookie are never kept' },
      requestXml: { type: 'string', description: 'Passwords, tokens and similar secrets replaced by ***' },
      responseXml: { type: 'string' },
    },
  },
  JournalCount: {
    type: 'object',
    properties: {
      total: { type: 'integer' },
      unmatched: { type: 'integer' },
      failed: { type: 'integer' },
      lastId: { type: 'integer', description: 'Number of the newest request in the journal (0 when none), whatever the filters' },
    },
  },
  ItemList: { type: 'object', properties: { total: { type: 'integer', description: 'Items matching, before offset and limit' }, items: { type: 'array', items: ref('ItemSummary') } } },
  LocatedItem: { allOf: [ref('ItemSummary'), { type: 'object', properties: { mailbox: { type: 'string', description: 'SMTP address of the mailbox holding it' } } }] },
  SyncState: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['items', 'hierarchy'] },
      folderId: { type: 'string', nullable: true },
      syncState: { type: 'string', description: 'Opaque SyncState for SyncFolderItems (kind items) or SyncFolderHierarchy without SyncFolderId (kind hierarchy)' },
    },
  },
  Subscription: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The SubscriptionId the client holds' },
      kind: { type: 'string', enum: ['pull', 'streaming'] },
      mailbox: { type: 'string', nullable: true },
      owner: { type: 'string', description: 'The account that subscribed; only it may read the events' },
      folders: { type: 'array', items: { type: 'string' }, nullable: true, description: 'Display names of the watched folders; null for every folder' },
      eventTypes: { type: 'array', items: { type: 'string' } },
      timeoutMinutes: { type: 'integer' },
      lastUsed: { type: 'string', format: 'date-time' },
      expired: { type: 'boolean' },
      connections: { type: 'integer', description: 'GetStreamingEvents connections open now' },
    },
  },
  DistributionList: {
    type: 'object',
    properties: { smtp: { type: 'string' }, displayName: { type: 'string' }, members: { type: 'array', items: { type: 'string' }, description: 'Mailboxes, other lists or outside addresses' } },
  },
  OutboundMessage: {
    type: 'object',
    description: 'A message sent to recipients with no mailbox here, or an automatic reply to an outside sender',
    properties: {
      n: { type: 'integer', description: '1 for the first message that left this store; numbering goes on across clears' },
      at: { type: 'string', format: 'date-time' },
      from: { type: 'string', description: 'The mailbox it left from' },
      recipients: { type: 'array', items: { type: 'string' }, description: 'Envelope recipients outside the organisation, Bcc ones included' },
      reason: { type: 'string', enum: ['sent', 'auto-reply', 'rule'] },
      subject: { type: 'string' },
      to: { type: 'array', items: ref('Address') },
      cc: { type: 'array', items: ref('Address') },
      internetMessageId: { type: 'string' },
      inReplyTo: { type: 'string', nullable: true },
      text: { type: 'string', nullable: true },
      html: { type: 'string', nullable: true },
      attachments: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' } } } },
    },
  },
  StoreDigest: {
    type: 'object',
    properties: {
      digest: { type: 'string', description: 'SHA-256 of the whole store: accounts, mailbox permissions, grants, folders, items, change keys, journals' },
      mailboxes: { type: 'object', additionalProperties: { type: 'string' }, description: 'SHA-256 of each mailbox, by SMTP address' },
    },
  },
  ServerError: {
    type: 'object',
    properties: {
      at: { type: 'string', format: 'date-time' },
      requestId: { type: 'integer', nullable: true, description: 'Journal number of the request, when it was an EWS request' },
      operation: { type: 'string', nullable: true },
      account: { type: 'string', nullable: true },
      mailbox: { type: 'string', nullable: true },
      message: { type: 'string' },
      stack: { type: 'string', nullable: true },
    },
  },
};

const journalQuery = [
  param('after', 'Only requests numbered above this one (the last id a poller saw)', 'query', { type: 'integer', minimum: 0 }),
  param('operation', 'Only this EWS operation', 'query'),
  param('mailbox', 'Only requests acting on this mailbox', 'query'),
  param('account', 'Only requests by this account', 'query'),
  param('failed', 'Only failed (true) or successful (false) requests', 'query', { type: 'string', enum: ['true', 'false'] }),
];

const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });

const paths: Json = {
  '/health': { get: { summary: 'Liveness and a few numbers', tags: ['server'], responses: { '200': json(ref('Health')) } } },
  '/ready': {
    get: { summary: 'Readiness: 503 while a scenario is loading', tags: ['server'], responses: { '200': json({ type: 'object', properties: { ready: { type: 'boolean' } } }), '503': json({ type: 'object' }, 'Loading') } },
  },
  '/reset': {
    post: { summary: 'Back to the loaded scenario: fresh store, no faults, empty journal', tags: ['server'], responses: { '200': json({ type: 'object' }) } },
  },
  '/scenario': {
    get: { summary: 'The scenario in force (its source text)', tags: ['server'], responses: { '200': json({ type: 'object', properties: { label: { type: 'string', nullable: true }, text: { type: 'string', nullable: true } } }) } },
    put: {
      summary: 'Load a scenario (YAML or JSON) and make it the one reset returns to',
      tags: ['server'],
      requestBody: { required: true, content: { 'application/yaml': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
      responses: { '200': json({ type: 'object' }), '400': error('Invalid scenario: the message names the path and the rule; the running state is unchanged'), '415': error('Not YAML or JSON') },
    },
    post: {
      summary: 'Same as PUT',
      tags: ['server'],
      requestBody: { required: true, content: { 'application/yaml': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
      responses: { '200': json({ type: 'object' }), '400': error('Invalid scenario'), '415': error('Not YAML or JSON') },
    },
  },
  '/profile': { get: { summary: 'The Exchange profile emulated', tags: ['server'], responses: { '200': json({ type: 'object', properties: { name: { type: 'string', enum: [...PROFILE_NAMES] } } }) } } },
  '/accounts': {
    get: { summary: 'Accounts (never their passwords)', tags: ['directory'], responses: { '200': json({ type: 'array', items: ref('Account') }) } },
    post: { summary: 'Create an account (and its mailbox unless mailbox=false)', tags: ['directory'], requestBody: body(ref('AccountInput')), responses: { '201': json(ref('Account'), 'Created'), '400': bad['400'], '409': error('Exists already') } },
  },
  '/distribution-lists': {
    get: { summary: "The directory's distribution lists, members one level deep", tags: ['directory'], responses: { '200': json({ type: 'array', items: ref('DistributionList') }) } },
  },
  '/distribution-lists/{smtp}': {
    get: { summary: 'One distribution list', tags: ['directory'], parameters: [smtp], responses: { '200': json(ref('DistributionList')), '404': bad['404'] } },
    put: {
      summary: 'Create or replace a list: members are mailboxes, other lists or outside addresses',
      tags: ['directory'],
      parameters: [smtp],
      requestBody: body({ type: 'object', additionalProperties: false, required: ['members'], properties: { displayName: { type: 'string' }, members: { type: 'array', minItems: 1, items: { type: 'string' } } } }),
      responses: { '200': json(ref('DistributionList'), 'Replaced'), '201': json(ref('DistributionList'), 'Created'), '400': bad['400'], '409': error("An account's or mailbox's address") },
    },
    delete: { summary: 'Remove a list (refused while another list names it)', tags: ['directory'], parameters: [smtp], responses: { '204': { description: 'Removed' }, '404': bad['404'], '409': error('Another list names it') } },
  },
  '/accounts/{smtp}': {
    delete: { summary: 'Delete an account and its grants (its mailbox stays)', tags: ['directory'], parameters: [param('smtp', 'SMTP address of the account')], responses: { '204': { description: 'Deleted' }, '404': bad['404'] } },
  },
  '/mailboxes': {
    get: { summary: 'Mailboxes with their folders and item counts', tags: ['directory'], responses: { '200': json({ type: 'array', items: ref('Mailbox') }) } },
    post: {
      summary: 'Create a mailbox (linked to the account of the same address, if any)',
      tags: ['directory'],
      requestBody: body({ type: 'object', required: ['smtp'], additionalProperties: false, properties: { smtp: { type: 'string' }, displayName: { type: 'string' } } }),
      responses: { '201': json(ref('Mailbox'), 'Created'), '400': bad['400'], '409': error('Exists already') },
    },
  },
  '/mailboxes/{smtp}': {
    get: { summary: 'One mailbox with its folders and item counts', tags: ['directory'], parameters: [smtp], responses: { '200': json(ref('Mailbox')), '404': bad['404'] } },
    delete: { summary: 'Delete a mailbox and everything in it', tags: ['directory'], parameters: [smtp], responses: { '204': { description: 'Deleted' }, '404': bad['404'] } },
  },
  '/mailboxes/{smtp}/rules': {
    get: {
      summary: "A mailbox's Inbox rules in priority order, as a scenario file writes them (folders as paths; docs/SCENARIOS.md)",
      tags: ['directory'],
      parameters: [smtp],
      responses: {
        '200': json({
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              priority: { type: 'integer', minimum: 1 },
              enabled: { type: 'boolean' },
              conditions: { type: 'object', additionalProperties: true },
              exceptions: { type: 'object', additionalProperties: true },
              actions: { type: 'object', additionalProperties: true },
            },
          },
        }),
        '404': bad['404'],
      },
    },
  },
  '/grants': {
    get: { summary: 'Impersonation grants', tags: ['directory'], responses: { '200': json({ type: 'array', items: ref('Grant') }) } },
    put: { summary: 'Replace every grant', tags: ['directory'], requestBody: body({ type: 'array', items: ref('Grant') }), responses: { '200': json({ type: 'array', items: ref('Grant') }), '400': bad['400'] } },
  },
  '/mailbox-permissions': {
    get: { summary: 'Mailbox permissions (FullAccess, SendAs, SendOnBehalf), one entry per right', tags: ['directory'], responses: { '200': json({ type: 'array', items: ref('MailboxPermission') }) } },
    put: { summary: 'Replace every mailbox permission', tags: ['directory'], requestBody: body({ type: 'array', items: ref('MailboxPermission') }), responses: { '200': json({ type: 'array', items: ref('MailboxPermission') }), '400': bad['400'] } },
  },
  '/grants/{account}': {
    put: {
      summary: "Set one account's grant",
      tags: ['directory'],
      parameters: [param('account', 'SMTP address of the account that may impersonate')],
      requestBody: body({ type: 'object', required: ['scope'], properties: { scope: ref('GrantScope') } }),
      responses: { '200': json(ref('Grant')), ...bad },
    },
    delete: { summary: "Remove one account's grant", tags: ['directory'], parameters: [param('account', 'SMTP address')], responses: { '204': { description: 'Removed' }, '404': bad['404'] } },
  },
  '/mailboxes/{smtp}/folders': {
    post: {
      summary: 'Create a folder (parent: msgfolderroot unless given)',
      tags: ['content'],
      parameters: [smtp],
      requestBody: body({ type: 'object', required: ['displayName'], additionalProperties: false, properties: { displayName: { type: 'string' }, parent: { type: 'string' } } }),
      responses: { '201': json(ref('Folder'), 'Created'), ...bad, '409': error('A sibling has this name') },
    },
  },
  '/mailboxes/{smtp}/folders/{folder}': {
    get: {
      summary: 'A folder and its items, newest first',
      tags: ['content'],
      parameters: [smtp, folder, param('offset', 'Skip this many items', 'query', { type: 'integer', minimum: 0 }), param('limit', 'At most this many items (default 100)', 'query', { type: 'integer', minimum: 0, maximum: 1000 })],
      responses: { '200': json(ref('FolderWithItems')), ...bad },
    },
    patch: {
      summary: 'Rename and/or move a folder',
      tags: ['content'],
      parameters: [smtp, folder],
      requestBody: body({ type: 'object', additionalProperties: false, properties: { displayName: { type: 'string' }, parent: { type: 'string' } } }),
      responses: { '200': json(ref('Folder')), ...bad, '409': error('A sibling has this name') },
    },
    delete: {
      summary: 'Delete a folder, as Outlook does',
      tags: ['content'],
      parameters: [smtp, folder, deleteType],
      responses: { '200': json(ref('Folder'), 'Moved to Deleted Items'), '204': { description: 'Deleted' }, ...bad },
    },
  },
  '/mailboxes/{smtp}/folders/{folder}/messages': {
    post: {
      summary: 'Deliver a message into a folder, as new mail arrives; a JSON array delivers a batch (all checked first, in order)',
      tags: ['content'],
      parameters: [smtp, folder],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { oneOf: [ref('MessageInput'), { type: 'array', maxItems: 10000, items: ref('MessageInput') }] } },
          'message/rfc822': { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: {
        '201': json({ oneOf: [ref('ItemSummary'), { type: 'array', items: ref('ItemSummary') }] }, 'Delivered (a list for a batch)'),
        ...bad,
        '415': error('Neither JSON nor message/rfc822'),
      },
    },
  },
  '/mailboxes/{smtp}/items/{id}': {
    get: { summary: 'One item: fields and MIME', tags: ['content'], parameters: [smtp, itemId], responses: { '200': json(ref('Item')), ...bad } },
    patch: {
      summary: 'Mark read/unread, set categories or importance',
      tags: ['content'],
      parameters: [smtp, itemId],
      requestBody: body({
        type: 'object',
        additionalProperties: false,
        properties: { isRead: { type: 'boolean' }, categories: { type: 'array', items: { type: 'string' } }, importance: { type: 'string', enum: ['Low', 'Normal', 'High'] } },
      }),
      responses: { '200': json(ref('ItemSummary')), ...bad },
    },
    delete: {
      summary: 'Delete an item, as Outlook does',
      tags: ['content'],
      parameters: [smtp, itemId, deleteType],
      responses: { '200': json(ref('ItemSummary'), 'Moved to Deleted Items (it has a new id)'), '204': { description: 'Deleted' }, ...bad },
    },
  },
  '/mailboxes/{smtp}/items/{id}/mime': {
    get: { summary: 'The item as RFC 822', tags: ['content'], parameters: [smtp, itemId], responses: { '200': { description: 'The message', content: { 'message/rfc822': { schema: { type: 'string', format: 'binary' } } } }, ...bad } },
  },
  '/mailboxes/{smtp}/items/{id}/move': {
    post: {
      summary: 'Move an item to another folder (it gets a new id, as in Exchange)',
      tags: ['content'],
      parameters: [smtp, itemId],
      requestBody: body({ type: 'object', required: ['folder'], additionalProperties: false, properties: { folder: { type: 'string' } } }),
      responses: { '200': json(ref('ItemSummary')), ...bad },
    },
  },
  '/mailboxes/{smtp}/items/{id}/copy': {
    post: {
      summary: 'Copy an item into a folder; the copy is new mail there, with its own id',
      tags: ['content'],
      parameters: [smtp, itemId],
      requestBody: body({ type: 'object', required: ['folder'], additionalProperties: false, properties: { folder: { type: 'string' } } }),
      responses: { '201': json(ref('ItemSummary'), 'Copied'), ...bad },
    },
  },
  '/mailboxes/{smtp}/items': {
    get: {
      summary: 'Items of a mailbox, or of one folder, in the order the store holds them (oldest stored first), optionally by subject or Message-ID',
      tags: ['content'],
      parameters: [
        smtp,
        param('folder', 'Only this folder (id, distinguished name or path)', 'query'),
        param('subject', 'Only items with exactly this subject', 'query'),
        param('messageId', 'Only items with this Message-ID, e.g. <abc@host>', 'query'),
        param('offset', 'Skip this many items', 'query', { type: 'integer', minimum: 0 }),
        param('limit', 'At most this many items (default 100)', 'query', { type: 'integer', minimum: 0, maximum: 10000 }),
      ],
      responses: { '200': json(ref('ItemList')), ...bad },
    },
  },
  '/items/{id}': {
    get: { summary: 'An item found by its id alone (ids name their mailbox), with the mailbox holding it', tags: ['content'], parameters: [itemId], responses: { '200': json(ref('LocatedItem')), '404': bad['404'] } },
  },
  '/mailboxes/{smtp}/sync-state': {
    get: {
      summary: "A sync state as of now: a client starting from it sees only later changes (a folder's items with folder, else the mailbox's folder hierarchy)",
      tags: ['content'],
      parameters: [smtp, param('folder', 'The folder whose items to sync (id, distinguished name or path); omit for the folder hierarchy', 'query')],
      responses: { '200': json(ref('SyncState')), ...bad },
    },
  },
  '/store/digest': {
    get: { summary: 'SHA-256 digests of the store and of each mailbox: equal digests mean nothing changed', tags: ['diagnostics'], responses: { '200': json(ref('StoreDigest')) } },
  },
  '/errors': {
    get: {
      summary: 'Unexpected server errors (bugs in the mock, answered as ErrorInternalServerError or HTTP 500); client mistakes and injected faults are not counted',
      tags: ['diagnostics'],
      responses: { '200': json({ type: 'object', properties: { count: { type: 'integer' }, errors: { type: 'array', items: ref('ServerError') } } }) },
    },
  },
  '/faults': {
    get: { summary: 'Active faults', tags: ['faults'], responses: { '200': json({ type: 'array', items: ref('Fault') }) } },
    post: { summary: 'Inject a fault', tags: ['faults'], requestBody: body(ref('FaultInput')), responses: { '201': json(ref('Fault'), 'Active'), '400': bad['400'] } },
    delete: { summary: 'Clear every fault', tags: ['faults'], responses: { '200': json({ type: 'object', properties: { cleared: { type: 'integer' } } }) } },
  },
  '/faults/{id}': {
    delete: { summary: 'Clear one fault', tags: ['faults'], parameters: [param('id', 'Fault id')], responses: { '204': { description: 'Cleared' }, '404': bad['404'] } },
  },
  '/requests': {
    get: {
      summary: 'The request journal, newest first',
      tags: ['journal'],
      parameters: [...journalQuery, param('limit', 'At most this many (default 100)', 'query', { type: 'integer', minimum: 0, maximum: 10000 })],
      responses: { '200': json({ type: 'array', items: ref('JournalEntry') }), '400': bad['400'] },
    },
    delete: { summary: 'Clear the journal', tags: ['journal'], responses: { '200': json({ type: 'object', properties: { cleared: { type: 'integer' } } }) } },
  },
  '/requests/count': {
    get: { summary: 'How many requests, unmatched and failed (filters as for /requests)', tags: ['journal'], parameters: journalQuery, responses: { '200': json(ref('JournalCount')), '400': bad['400'] } },
  },
  '/requests/{id}': {
    get: { summary: 'One journal entry', tags: ['journal'], parameters: [param('id', 'Journal number', 'path', { type: 'integer' })], responses: { '200': json(ref('JournalEntry')), '404': bad['404'] } },
  },
  '/outbound': {
    get: {
      summary: 'Mail that left the organisation, oldest first (the newest 1,000, up to 64 MB, are kept)',
      tags: ['content'],
      parameters: [
        param('after', 'Only messages numbered above this', 'query', { type: 'integer', minimum: 0 }),
        param('limit', 'At most this many (default 100)', 'query', { type: 'integer', minimum: 0, maximum: 1000 }),
      ],
      responses: {
        '200': json({ type: 'object', properties: { total: { type: 'integer' }, lastN: { type: 'integer' }, messages: { type: 'array', items: ref('OutboundMessage') } } }),
        '400': bad['400'],
      },
    },
    delete: { summary: 'Forget the outbound messages (numbering goes on)', tags: ['content'], responses: { '200': json({ type: 'object', properties: { cleared: { type: 'integer' } } }) } },
  },
  '/outbound/{n}': {
    get: { summary: 'One outbound message', tags: ['content'], parameters: [param('n', 'Its number')], responses: { '200': json(ref('OutboundMessage')), '404': bad['404'] } },
  },
  '/outbound/{n}/mime': {
    get: { summary: 'An outbound message as RFC 822', tags: ['content'], parameters: [param('n', 'Its number')], responses: { '200': { description: 'The message', content: { 'message/rfc822': { schema: { type: 'string', format: 'binary' } } } }, '404': bad['404'] } },
  },
  '/subscriptions': {
    get: { summary: 'Notification subscriptions clients made with Subscribe', tags: ['content'], responses: { '200': json({ type: 'array', items: ref('Subscription') }) } },
  },
  '/subscriptions/{id}/expire': {
    post: {
      summary: "Expire a subscription now: the client's next GetEvents gets ErrorExpiredSubscription",
      tags: ['content'],
      parameters: [param('id', 'SubscriptionId')],
      responses: { '200': json(ref('Subscription')), '404': bad['404'] },
    },
  },
  '/tokens': {
    post: {
      summary: 'Issue a signed test OAuth token (app-only unless an account is given)',
      tags: ['server'],
      requestBody: body({
        type: 'object',
        additionalProperties: false,
        properties: {
          account: { type: 'string' },
          app: { type: 'string' },
          roles: { type: 'array', items: { type: 'string' } },
          scopes: { type: 'array', items: { type: 'string' } },
          audience: { type: 'string' },
          lifetimeSeconds: { type: 'integer' },
        },
      }),
      responses: { '201': json({ type: 'object', properties: { token_type: { type: 'string' }, access_token: { type: 'string' }, expires_on: { type: 'integer' }, claims: { type: 'object' } } }), '400': bad['400'], '404': bad['404'] },
    },
  },
  '/apps': {
    get: { summary: "The scenario's app registrations (never their secrets)", tags: ['directory'], responses: { '200': json({ type: 'array', items: ref('App') }) } },
  },
  '/apps/{clientId}': {
    get: { summary: 'One app registration', tags: ['directory'], parameters: [clientId], responses: { '200': json(ref('App')), '404': bad['404'] } },
    patch: {
      summary: 'Change an app registration; a new token lifetime applies to tokens issued from then on',
      tags: ['directory'],
      parameters: [clientId],
      requestBody: body({
        type: 'object',
        additionalProperties: false,
        properties: {
          displayName: { type: 'string', minLength: 1 },
          roles: { type: 'array', items: { type: 'string', minLength: 1 } },
          tokenLifetimeSeconds: { type: 'integer', minimum: 1, maximum: 86400 },
        },
      }),
      responses: { '200': json(ref('App')), '400': bad['400'], '404': bad['404'] },
    },
  },
  '/tokens/issued': {
    get: {
      summary: 'The tokens the token endpoint issued, oldest first: who, for what and until when, never the token itself',
      tags: ['diagnostics'],
      parameters: [param('clientId', 'Only the tokens of this app', 'query')],
      responses: {
        '200': json({
          type: 'object',
          properties: {
            total: { type: 'integer' },
            tokens: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  n: { type: 'integer', description: '1 for the first token this mock issued' },
                  clientId: { type: 'string' },
                  audience: { type: 'string' },
                  issuedAt: { type: 'string', format: 'date-time' },
                  expiresAt: { type: 'string', format: 'date-time' },
                  lifetimeSeconds: { type: 'integer' },
                },
              },
            },
          },
        }),
        '400': bad['400'],
      },
    },
  },
  '/credentials/check': {
    post: {
      summary: 'Whether a login (SMTP, UPN or DOMAIN\\user) and password would sign in, and as which account',
      tags: ['directory'],
      requestBody: body({ type: 'object', required: ['login', 'password'], additionalProperties: false, properties: { login: { type: 'string', minLength: 1 }, password: { type: 'string' } } }),
      responses: {
        '200': json({ type: 'object', properties: { account: { type: 'string', description: 'SMTP address of the account the login names' }, valid: { type: 'boolean' } } }),
        '400': bad['400'],
        '404': error('No account has that login.'),
      },
    },
  },
  '/openapi.json': { get: { summary: 'This document', tags: ['server'], responses: { '200': json({ type: 'object' }) } } },
  '/ui': { get: { summary: 'Inspector: mailboxes, faults, profile', tags: ['inspector'], responses: { '200': html('Page') } } },
  '/ui/mailboxes/{smtp}': { get: { summary: 'Inspector: a mailbox and its folders', tags: ['inspector'], parameters: [smtp], responses: { '200': html('Page'), '404': html('Not found') } } },
  '/ui/mailboxes/{smtp}/folders/{folder}': {
    get: { summary: 'Inspector: the messages of a folder', tags: ['inspector'], parameters: [smtp, folder], responses: { '200': html('Page'), '404': html('Not found') } },
  },
  '/ui/mailboxes/{smtp}/items/{id}': {
    get: { summary: 'Inspector: one message, headers and body (HTML sandboxed)', tags: ['inspector'], parameters: [smtp, itemId], responses: { '200': html('Page'), '404': html('Not found') } },
  },
  '/ui/requests': { get: { summary: 'Inspector: the live request journal', tags: ['inspector'], parameters: journalQuery, responses: { '200': html('Page') } } },
  '/ui/requests/{id}': { get: { summary: 'Inspector: one request with pretty-printed SOAP', tags: ['inspector'], parameters: [param('id', 'Journal number', 'path', { type: 'integer' })], responses: { '200': html('Page'), '404': html('Not found') } } },
  '/ui/outbound': { get: { summary: 'Inspector: mail that left the organisation', tags: ['inspector'], responses: { '200': html('Page') } } },
  '/ui/outbound/{n}': { get: { summary: 'Inspector: one outbound message with its headers and body', tags: ['inspector'], parameters: [param('n', 'Its number')], responses: { '200': html('Page'), '404': html('Not found') } } },
  '/ui/deliver': {
    post: {
      summary: 'Inspector form: deliver a test message',
      tags: ['inspector'],
      requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { mailbox: { type: 'string' }, folder: { type: 'string' }, from: { type: 'string' }, subject: { type: 'string' }, text: { type: 'string' } } } } } },
      responses: { '303': { description: 'Back to the folder' }, '400': html('Bad input') },
    },
  },
  '/ui/faults/clear': { post: { summary: 'Inspector form: clear every fault', tags: ['inspector'], responses: { '303': { description: 'Back to the inspector' } } } },
};

export function openApiDocument(serverUrl = '/__admin'): Json {
  return {
    openapi: '3.0.3',
    info: {
      title: 'mock-ews admin API',
      version: '1.0.0',
      description:
        'Steers a running mock-ews: scenarios, directory, mailbox content, injected faults and the request journal. When the mock runs with an admin token, every route needs `Authorization: Bearer <token>`.',
    },
    servers: [{ url: serverUrl }],
    tags: ['server', 'directory', 'content', 'faults', 'journal', 'diagnostics', 'inspector'].map((name) => ({ name })),
    components: { schemas, securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'Only when the mock was started with an admin token' } } },
    security: [{}, { adminToken: [] }],
    paths,
  };
}
