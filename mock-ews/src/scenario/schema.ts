import { z } from 'zod';
import { PROFILE_NAMES } from '../profiles/profiles';
import { parseRecipientFilter } from '../auth/recipient-filter';
import { OOF_AUDIENCES, OOF_STATES } from '../store/out-of-office';
import { MAILBOX_RIGHTS } from '../store/mailbox-rights';

/** The scenario file format: see docs/SCENARIOS.md. Validated on load; errors name the path. */

const email = z.string().trim().regex(/^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'must be an email address like alice@acme.test');
const domain = z.string().trim().regex(/^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/, 'must be a domain name like acme.test');
const address = z.union([email, z.object({ name: z.string().optional(), address: email }).strict()]);
const dateLike = z.union([z.date(), z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time')]);

const attachment = z
  .object({
    name: z.string().min(1),
    contentType: z.string().default('application/octet-stream'),
    /** Text content. */
    content: z.string().optional(),
    /** Base64 content. */
    base64: z.string().optional(),
    /** Synthetic content of this many bytes. */
    size: z.number().int().nonnegative().optional(),
    inline: z.boolean().optional(),
    contentId: z.string().optional(),
  })
  .strict()
  .refine((a) => [a.content, a.base64, a.size].filter((x) => x !== undefined).length === 1, 'give exactly one of content, base64 or size');

export const messageSchema = z
  .object({
    /** An .eml file, relative to the scenario file or to fixtures/mail/. Other fields override it. */
    eml: z.string().optional(),
    subject: z.string().optional(),
    from: address.optional(),
    to: z.array(address).optional(),
    cc: z.array(address).optional(),
    bcc: z.array(address).optional(),
    received: dateLike.optional(),
    sent: dateLike.optional(),
    messageId: z.string().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    importance: z.enum(['Low', 'Normal', 'High']).optional(),
    isRead: z.boolean().optional(),
    categories: z.array(z.string()).optional(),
    attachments: z.array(attachment).optional(),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const generatorSchema = z
  .object({
    count: z.number().int().min(1).max(5_000_000),
    seed: z.number().int().default(1),
    /** Share of messages with an attachment, 0..1. */
    attachmentRate: z.number().min(0).max(1).default(0.1),
    attachmentSize: z.number().int().positive().default(20 * 1024),
    /** Share of HTML messages, 0..1. */
    htmlRate: z.number().min(0).max(1).default(0.3),
    readRate: z.number().min(0).max(1).default(0.5),
    /** Approximate body size in bytes. */
    bodySize: z.number().int().positive().default(600),
    /** The newest message's time; older ones go back from here. */
    until: dateLike.default('2026-11-01T12:00:00Z'),
    /** Minutes between consecutive messages. */
    spacingMinutes: z.number().positive().default(37),
  })
  .strict();

export type FolderSpec = {
  name: string;
  messages?: z.infer<typeof messageSchema>[];
  generate?: z.infer<typeof generatorSchema>;
  folders?: FolderSpec[];
};

const folderSpec: z.ZodType<FolderSpec> = z.lazy(() =>
  z
    .object({
      /** A distinguished folder (inbox, sentitems, drafts, deleteditems, junkemail, outbox) or a display name. */
      name: z.string().trim().min(1).refine((n) => !n.includes('/'), 'must not contain "/"'),
      messages: z.array(messageSchema).optional(),
      generate: generatorSchema.optional(),
      folders: z.array(folderSpec).optional(),
    })
    .strict(),
);

const account = z
  .object({
    smtp: email,
    password: z.string().min(1),
    displayName: z.string().optional(),
    sid: z.string().regex(/^S-1-5-21-\d+-\d+-\d+-\d+$/, 'must be a SID like S-1-5-21-1-2-3-1001').optional(),
    upn: email.optional(),
    logonName: z.string().regex(/^[^\\\s]+\\[^\\\s]+$/, 'must be DOMAIN\\user').optional(),
    department: z.string().optional(),
    /** Whether the account has a mailbox; default true. */
    mailbox: z.boolean().default(true),
    /** When the account's password expires (GetPasswordExpirationDate); default never. */
    passwordExpires: dateLike.optional(),
  })
  .strict();

const scope = z.union([
  z.literal('all'),
  z.object({ domains: z.array(domain).min(1) }).strict(),
  z.object({ mailboxes: z.array(email).min(1) }).strict(),
]);

const recipientFilter = z.string().superRefine((text, ctx) => {
  try {
    parseRecipientFilter(text);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a recipient filter: ${(err as Error).message}` });
  }
});

/**
 * An impersonation grant. `account` + `scope` is the ApplicationImpersonation role (2010–2019;
 * on 2007 it stands for both 2007 rights); `right` names one of Exchange 2007's two rights
 * instead; `app` + `scope` limits an application's full_access_as_app (Exchange Online RBAC for
 * Applications). `recipientFilter` narrows the scope like a management scope's filter.
 */
export const grantSchema = z
  .object({
    account: email.optional(),
    app: z.string().trim().min(1).optional(),
    right: z.enum(['ApplicationImpersonation', 'ms-Exch-EPI-Impersonation', 'ms-Exch-EPI-May-Impersonate']).optional(),
    scope: scope.optional(),
    recipientFilter: recipientFilter.optional(),
  })
  .strict()
  .refine((g) => (g.account === undefined) !== (g.app === undefined), 'give exactly one of account or app')
  .refine((g) => !(g.app && g.right), 'an app grant takes no right: it limits the app\'s full_access_as_app')
  .refine((g) => g.scope !== undefined || g.recipientFilter !== undefined || g.right === 'ms-Exch-EPI-Impersonation', 'give a scope (all, domains, mailboxes) or a recipientFilter');

/**
 * An app registration in the tenant (Entra ID), for the mock's token endpoint: client credentials
 * and the application permissions an admin consented to. Which mailboxes the app reaches is an
 * `app` grant (RBAC for Applications), as for tokens issued any other way.
 */
export const appRegistrationSchema = z
  .object({
    clientId: z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be an application (client) id, a GUID'),
    secret: z.string().min(1),
    displayName: z.string().optional(),
    /** Application permissions on Exchange; default full_access_as_app. */
    roles: z.array(z.string().min(1)).default(['full_access_as_app']),
    /** Lifetime of the access tokens issued to the app; Entra ID's default is about an hour. */
    tokenLifetimeSeconds: z.number().int().min(1).max(86_400).default(3599),
  })
  .strict();

const limit = z.number().int().min(0);

/** A throttling policy; without `account` the default policy. See docs/PROFILES.md. */
const throttlingPolicy = z
  .object({
    account: email.optional(),
    concurrentConnections: limit.optional(),
    concurrentSyncCalls: limit.optional(),
    findCountLimit: limit.optional(),
    rate: z.object({ requests: z.number().int().min(1), perSeconds: z.number().positive() }).strict().optional(),
  })
  .strict();

/** A mailbox's out-of-office settings as GetUserOofSettings answers them (SetUserOofSettings changes them). */
const outOfOfficeSpec = z
  .object({
    state: z.enum(OOF_STATES),
    externalAudience: z.enum(OOF_AUDIENCES).default('All'),
    start: dateLike.optional(),
    end: dateLike.optional(),
    internalReply: z.string().default(''),
    externalReply: z.string().default(''),
  })
  .strict()
  .refine((o) => o.state !== 'Scheduled' || (o.start !== undefined && o.end !== undefined), 'a Scheduled absence needs start and end')
  .refine((o) => o.start === undefined || o.end === undefined || new Date(o.start) < new Date(o.end), 'end must come after start');

/** A distribution list: mail to it reaches its members (mailboxes, other lists, outside addresses). */
const distributionListSpec = z
  .object({
    smtp: email,
    displayName: z.string().optional(),
    members: z.array(email).min(1, 'a list needs at least one member'),
  })
  .strict();

/**
 * A mailbox permission: `user` holds one right on `mailbox` (store/mailbox-rights.ts) — FullAccess
 * (the default) to open its folders and items as a delegate, SendAs or SendOnBehalf to send from
 * its address.
 */
export const mailboxPermissionSpec = z
  .object({
    mailbox: email,
    user: email,
    accessRights: z.enum(MAILBOX_RIGHTS).default('FullAccess'),
  })
  .strict();

const importance = z.enum(['Low', 'Normal', 'High']);
const strings = z.array(z.string().min(1, 'must not be empty')).min(1, 'needs at least one string');
const addresses = z.array(email).min(1, 'needs at least one address');

/** What an Inbox rule tests (store/inbox-rules.ts: RulePredicates), named as EWS names the elements. */
const rulePredicatesSpec = z
  .object({
    categories: strings.optional(),
    containsHeaderStrings: strings.optional(),
    containsRecipientStrings: strings.optional(),
    itemClasses: strings.optional(),
    sentToOrCcMe: z.boolean().optional(),
    isApprovalRequest: z.boolean().optional(),
    isAutomaticForward: z.boolean().optional(),
    isAutomaticReply: z.boolean().optional(),
    isEncrypted: z.boolean().optional(),
    isMeetingRequest: z.boolean().optional(),
    isMeetingResponse: z.boolean().optional(),
    isNDR: z.boolean().optional(),
    isPermissionControlled: z.boolean().optional(),
    isReadReceipt: z.boolean().optional(),
    isSigned: z.boolean().optional(),
    isVoicemail: z.boolean().optional(),
    sensitivity: z.enum(['Normal', 'Personal', 'Private', 'Confidential']).optional(),
    withinDateRange: z
      .object({ start: dateLike.optional(), end: dateLike.optional() })
      .strict()
      .refine((r) => r.start !== undefined || r.end !== undefined, 'give a start or an end')
      .refine((r) => r.start === undefined || r.end === undefined || new Date(r.start) <= new Date(r.end), 'end must not come before start')
      .transform((r) => ({ ...(r.start !== undefined ? { start: new Date(r.start).toISOString() } : {}), ...(r.end !== undefined ? { end: new Date(r.end).toISOString() } : {}) }))
      .optional(),
    withinSizeRange: z
      .object({ minimum: z.number().int().min(0).optional(), maximum: z.number().int().min(0).optional() })
      .strict()
      .refine((r) => r.minimum !== undefined || r.maximum !== undefined, 'give a minimum or a maximum (KB)')
      .refine((r) => r.minimum === undefined || r.maximum === undefined || r.minimum <= r.maximum, 'minimum must not exceed maximum')
      .optional(),
    containsSubjectStrings: strings.optional(),
    containsBodyStrings: strings.optional(),
    containsSubjectOrBodyStrings: strings.optional(),
    containsSenderStrings: strings.optional(),
    fromAddresses: addresses.optional(),
    sentToAddresses: addresses.optional(),
    hasAttachments: z.boolean().optional(),
    importance: importance.optional(),
    notSentToMe: z.boolean().optional(),
    sentCcMe: z.boolean().optional(),
    sentOnlyToMe: z.boolean().optional(),
    sentToMe: z.boolean().optional(),
  })
  .strict();

/** What an Inbox rule does; folders are paths of display names from the top of the mailbox ("Inbox/Projects"). */
const ruleActionsSpec = z
  .object({
    assignCategories: strings.optional(),
    copyToFolder: z.string().min(1).optional(),
    delete: z.boolean().optional(),
    forwardToRecipients: addresses.optional(),
    markImportance: importance.optional(),
    markAsRead: z.boolean().optional(),
    moveToFolder: z.string().min(1).optional(),
    permanentDelete: z.boolean().optional(),
    redirectToRecipients: addresses.optional(),
    stopProcessingRules: z.boolean().optional(),
  })
  .strict()
  .refine((a) => Object.values(a).some((v) => v !== undefined && v !== false), 'a rule needs at least one action');

/** An Inbox rule of a mailbox; the list's order is the rules' priority. */
const inboxRuleSpec = z
  .object({
    name: z.string().min(1),
    enabled: z.boolean().default(true),
    conditions: rulePredicatesSpec.default({}),
    exceptions: rulePredicatesSpec.default({}),
    actions: ruleActionsSpec,
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    profile: z.enum(PROFILE_NAMES).optional(),
    domains: z.array(domain).default([]),
    accounts: z.array(account).default([]),
    grants: z.array(grantSchema).default([]),
    apps: z.array(appRegistrationSchema).default([]),
    throttling: z.array(throttlingPolicy).default([]),
    distributionLists: z.array(distributionListSpec).default([]),
    mailboxPermissions: z.array(mailboxPermissionSpec).default([]),
    mailboxes: z
      .array(
        z
          .object({
            smtp: email,
            displayName: z.string().optional(),
            folders: z.array(folderSpec).default([]),
            outOfOffice: outOfOfficeSpec.optional(),
            rules: z.array(inboxRuleSpec).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type ScenarioSpec = z.infer<typeof scenarioSchema>;
export type MessageSpec = z.infer<typeof messageSchema>;
export type GeneratorSpec = z.infer<typeof generatorSchema>;
export type AppRegistration = z.infer<typeof appRegistrationSchema>;
