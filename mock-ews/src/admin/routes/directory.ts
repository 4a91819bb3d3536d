import { Router } from 'express';
import { z } from 'zod';
import type { MockState } from '../../server/state';
import type { Account, ImpersonationGrant, Mailbox } from '../../store/types';
import type { InboxRule } from '../../store/inbox-rules';
import { hashId } from '../../store/ids';
import { AdminError, notFound, parseBody } from '../errors';
import { findMailbox, folderPath, mailboxView } from '../views';
import { jsonBody, jsonParser } from './body';
import { grantSchema, mailboxPermissionSpec } from '../../scenario/schema';
import { toGrant } from '../../scenario/load';
import { brokenPermissionRule, type MailboxPermission } from '../../store/mailbox-rights';

/** Accounts, mailboxes and impersonation grants: the directory a scenario sets up. */

/** An SMTP address as the admin API takes it (accounts, mailboxes, distribution lists). */
export const email = z.string().trim().regex(/^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'must be an email address like alice@acme.test');

const accountInput = z
  .object({
    smtp: email,
    password: z.string().min(1),
    displayName: z.string().optional(),
    upn: email.optional(),
    logonName: z.string().regex(/^[^\\\s]+\\[^\\\s]+$/, 'must be DOMAIN\\user').optional(),
    sid: z.string().regex(/^S-1-5-21-\d+-\d+-\d+-\d+$/, 'must be a SID like S-1-5-21-1-2-3-1001').optional(),
    department: z.string().optional(),
    /** Give the account a mailbox (default true). */
    mailbox: z.boolean().default(true),
  })
  .strict();

const mailboxInput = z.object({ smtp: email, displayName: z.string().min(1).optional() }).strict();

/**
 * A grant as JSON, in the scenario file's form that PUT /grants takes back: the scope ('all',
 * {domains}, {mailboxes}) plus any extra terms; an app grant names its `app` and carries no right.
 */
export function grantView(g: ImpersonationGrant) {
  const { account, scope, right, ...extra } = g;
  const { kind, ...rest } = scope as { kind: string } & Record<string, unknown>;
  const view = { scope: kind === 'all' ? 'all' : rest, ...extra };
  if (right === 'Application EWS.AccessAsApp') return { app: account, ...view };
  return right === undefined ? { account, ...view } : { account, ...view, right };
}

function accountView(state: MockState, a: Account) {
  const mailbox = a.mailboxId ? state.store.mailboxes.get(a.mailboxId) : undefined;
  return { smtp: a.smtp, displayName: a.displayName, upn: a.upn, logonName: a.logonName, sid: a.sid, department: a.department ?? null, mailbox: mailbox?.smtp ?? null };
}

export function directoryRoutes(state: MockState): Router {
  const router = Router();
  const inDomains = (smtp: string) => state.store.domains.length === 0 || state.store.domains.includes(smtp.split('@')[1].toLowerCase());

  // ---- accounts ----
  router.get('/accounts', (_req, res) => {
    res.json([...state.store.accounts.values()].map((a) => accountView(state, a)));
  });

  router.post('/accounts', jsonParser, (req, res) => {
    const input = parseBody(accountInput, jsonBody(req));
    const store = state.store;
    if (!inDomains(input.smtp)) throw new AdminError(400, `smtp: ${input.smtp} is not in one of the scenario's domains (${store.domains.join(', ')})`, 'smtp');
    if (store.account(input.smtp)) throw new AdminError(409, `account ${input.smtp} already exists`, 'smtp');
    if (store.distributionList(input.smtp)) throw new AdminError(409, `smtp: ${input.smtp} is a distribution list's address`, 'smtp');
    const [local, dom] = input.smtp.split('@');
    const account: Account = {
      smtp: input.smtp,
      password: input.password,
      displayName: input.displayName ?? local,
      sid: input.sid ?? newSid(state, dom),
      upn: input.upn ?? input.smtp,
      logonName: input.logonName ?? `${dom.split('.')[0].toUpperCase().slice(0, 15)}\\${local}`,
      department: input.department,
    };
    store.addAccount(account);
    if (input.mailbox) account.mailboxId = (store.mailbox(input.smtp) ?? store.addMailbox(input.smtp, account.displayName)).id;
    res.status(201).json(accountView(state, account));
  });

  router.delete('/accounts/:smtp', (req, res) => {
    const smtp = req.params.smtp;
    if (!state.store.account(smtp)) throw notFound(`account ${smtp}`, 'smtp');
    // The mailbox stays (delete it through /mailboxes); the account's grants and mailbox permissions go with it.
    state.store.accounts.delete(smtp.toLowerCase());
    state.store.grants = state.store.grants.filter((g) => g.account.toLowerCase() !== smtp.toLowerCase());
    state.store.revokeMailboxRights(smtp);
    res.status(204).end();
  });

  // ---- mailboxes ----
  router.get('/mailboxes', (_req, res) => {
    res.json([...state.store.mailboxes.values()].map((m) => mailboxView(state.store, m)));
  });

  router.post('/mailboxes', jsonParser, (req, res) => {
    const input = parseBody(mailboxInput, jsonBody(req));
    const store = state.store;
    if (!inDomains(input.smtp)) throw new AdminError(400, `smtp: ${input.smtp} is not in one of the scenario's domains (${store.domains.join(', ')})`, 'smtp');
    if (store.mailbox(input.smtp)) throw new AdminError(409, `mailbox ${input.smtp} already exists`, 'smtp');
    if (store.distributionList(input.smtp)) throw new AdminError(409, `smtp: ${input.smtp} is a distribution list's address`, 'smtp');
    const account = store.account(input.smtp);
    const mailbox = store.addMailbox(input.smtp, input.displayName ?? account?.displayName ?? input.smtp.split('@')[0]);
    if (account && !account.mailboxId) account.mailboxId = mailbox.id;
    res.status(201).json(mailboxView(store, mailbox));
  });

  router.get('/mailboxes/:smtp', (req, res) => {
    res.json(mailboxView(state.store, findMailbox(state.store, req.params.smtp)));
  });

  // A mailbox's Inbox rules, as a scenario file writes them (folders as paths): to assert on, read-only.
  router.get('/mailboxes/:smtp/rules', (req, res) => {
    const mailbox = findMailbox(state.store, req.params.smtp);
    res.json((mailbox.rules ?? []).map((r) => ruleView(mailbox, r)));
  });

  router.delete('/mailboxes/:smtp', (req, res) => {
    findMailbox(state.store, req.params.smtp);
    state.store.removeMailbox(req.params.smtp);
    res.status(204).end();
  });

  // ---- impersonation grants ----
  const requireAccount = (smtp: string, field: string) => {
    if (!state.store.account(smtp)) throw new AdminError(400, `${field}: no account ${smtp}`, field);
  };

  router.get('/grants', (_req, res) => {
    res.json(state.store.grants.map(grantView));
  });

  router.put('/grants', jsonParser, (req, res) => {
    // The scenario file's grant form: account or app, scope, Exchange 2007 right, recipient filter.
    const grants = parseBody(z.array(grantSchema), jsonBody(req));
    grants.forEach((g, i) => g.account && requireAccount(g.account, `[${i}].account`));
    state.store.grants = grants.map(toGrant);
    res.json(state.store.grants.map(grantView));
  });

  router.put('/grants/:account', jsonParser, (req, res) => {
    const account = req.params.account;
    if (!state.store.account(account)) throw notFound(`account ${account}`, 'account');
    // The body is the scenario grant without its account, which the path names.
    const body = jsonBody(req);
    const smtp = state.store.account(account)!.smtp;
    const terms = parseBody(grantSchema, body && typeof body === 'object' && !Array.isArray(body) ? { ...body, account: smtp } : body);
    const others = state.store.grants.filter((g) => g.account.toLowerCase() !== account.toLowerCase());
    const grant: ImpersonationGrant = toGrant(terms);
    state.store.grants = [...others, grant];
    res.json(grantView(grant));
  });

  // ---- mailbox permissions (FullAccess, SendAs, SendOnBehalf), one entry per right ----
  const permissionsView = (): MailboxPermission[] =>
    [...state.store.mailboxes.values()].flatMap((mailbox) =>
      state.store.mailboxRightHolders(mailbox).flatMap(({ user, rights }) => rights.map((accessRights) => ({ mailbox: mailbox.smtp, user, accessRights }))),
    );

  router.get('/mailbox-permissions', (_req, res) => {
    res.json(permissionsView());
  });

  router.put('/mailbox-permissions', jsonParser, (req, res) => {
    // The scenario file's form; all are checked before any replaces the current ones.
    const permissions = parseBody(z.array(mailboxPermissionSpec), jsonBody(req));
    const broken = brokenPermissionRule(permissions, { hasMailbox: (smtp) => !!state.store.mailbox(smtp), hasAccount: (smtp) => !!state.store.account(smtp) });
    if (broken) throw new AdminError(400, `${broken.field}: ${broken.message}`, broken.field);
    state.store.replaceMailboxRights(permissions.map((p) => ({ mailbox: state.store.mailbox(p.mailbox)!, user: p.user, right: p.accessRights })));
    res.json(permissionsView());
  });

  router.delete('/grants/:account', (req, res) => {
    const before = state.store.grants.length;
    state.store.grants = state.store.grants.filter((g) => g.account.toLowerCase() !== req.params.account.toLowerCase());
    if (state.store.grants.length === before) throw notFound(`grant for ${req.params.account}`, 'account');
    res.status(204).end();
  });
  return router;
}

/** A SID in the domain's prefix (shared by its accounts) with the next free relative id. */
function newSid(state: MockState, domain: string): string {
  const sameDomain = [...state.store.accounts.values()].filter((a) => a.smtp.toLowerCase().endsWith(`@${domain.toLowerCase()}`));
  const prefix = sameDomain[0]?.sid.replace(/-\d+$/, '') ?? `S-1-5-21-${domainNumbers(domain)}`;
  const rid = Math.max(1099, ...[...state.store.accounts.values()].map((a) => Number(a.sid.split('-').pop()) || 0)) + 1;
  return `${prefix}-${rid}`;
}

function domainNumbers(domain: string): string {
  const h = Buffer.from(hashId(`admin:${domain}`, 12), 'base64');
  return [h.readUInt32BE(0), h.readUInt32BE(4), h.readUInt32BE(8)].map((n) => n % 2_000_000_000).join('-');
}

/** A rule in the scenario file's shape: folders by path, the reply template by its ItemId. */
function ruleView(mailbox: Mailbox, r: InboxRule): object {
  const path = (id: string | undefined) => {
    const folder = id === undefined ? undefined : mailbox.folders.get(id);
    return folder ? folderPath(mailbox, folder) : undefined;
  };
  const actions = { ...r.actions, moveToFolder: path(r.actions.moveToFolder), copyToFolder: path(r.actions.copyToFolder) };
  return { id: r.id, name: r.displayName, priority: r.priority, enabled: r.enabled, conditions: r.conditions, exceptions: r.exceptions, actions };
}
