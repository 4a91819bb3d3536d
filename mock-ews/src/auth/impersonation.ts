import type { Store } from '../store/store';
import type { Account, GrantRight, GrantScope, ImpersonationGrant, Mailbox } from '../store/types';
import type { XmlElement } from '../soap/xml-element';
import type { Profile } from '../profiles/profiles';
import type { SchemaVersion } from '../profiles/versions';
import { requireElement } from '../profiles/elements';
import { NS } from '../soap/namespaces';
import { EwsFault } from '../soap/error-catalogue';
import { matchesRecipientFilter } from './recipient-filter';
import type { Principal } from './principal';

const ID_FORMS = ['PrincipalName', 'SID', 'PrimarySmtpAddress', 'SmtpAddress'] as const;

export interface ImpersonationContext {
  store: Store;
  profile: Profile;
  version: SchemaVersion;
  principal: Principal;
  /** The X-AnchorMailbox request header, if sent. */
  anchorMailbox?: string;
}

/**
 * Resolves ExchangeImpersonation/ConnectingSID to the target mailbox and checks the caller's
 * rights under the profile's impersonation model. Throws the fault Exchange sends when the header
 * is malformed or too new for the requested version, the mailbox is unknown, or the caller may
 * not impersonate it.
 */
export function resolveImpersonation(ctx: ImpersonationContext, header: XmlElement): Mailbox {
  const { store, profile, principal } = ctx;
  const sid = header.t('ConnectingSID');
  const given = sid ? sid.children.filter((c) => c.ns === NS.t && (ID_FORMS as readonly string[]).includes(c.local)) : [];
  if (!sid || given.length !== 1 || sid.children.length !== 1 || !given[0].value) {
    throw new EwsFault('ErrorInvalidExchangeImpersonationHeaderData');
  }
  requireElement(ctx, given[0]);
  if (profile.impersonationModel === 'app-permissions' && principal.token && !principal.appOnly) {
    // Observed Exchange Online text for a delegated (user) token that tries to impersonate.
    throw new EwsFault('ErrorInvalidExchangeImpersonationHeaderData', 'ExchangeImpersonation SOAP header must not exist for this type of OAuth token.');
  }
  if (profile.impersonationModel === 'exchange2007-rights' && !hasServerRight(store.grants, principal.account)) {
    throw new EwsFault('ErrorImpersonationDenied');
  }
  const form = given[0].local as (typeof ID_FORMS)[number];
  const mailbox = findTarget(store, form, given[0].value);
  if (!mailbox) throw new EwsFault('ErrorNonExistentMailbox');
  if (!allowed(ctx, mailbox)) throw new EwsFault('ErrorImpersonateUserDenied');
  checkAnchor(ctx, mailbox);
  return mailbox;
}

function allowed(ctx: ImpersonationContext, mailbox: Mailbox): boolean {
  const { store, profile, principal } = ctx;
  const owner = ownerOf(store, mailbox);
  if (principal.appOnly) {
    // full_access_as_app reaches every mailbox unless RBAC for Applications scopes the app.
    const appGrants = store.grants.filter((g) => g.right === 'Application EWS.AccessAsApp' && g.account.toLowerCase() === principal.account.smtp.toLowerCase());
    return appGrants.length === 0 || appGrants.some((g) => covers(g, mailbox, owner));
  }
  // Exchange Online removed ApplicationImpersonation (Feb 2025): user grants impersonate nobody.
  if (profile.impersonationModel === 'app-permissions') return false;
  const rights: readonly GrantRight[] = profile.impersonationModel === 'exchange2007-rights' ? ['ApplicationImpersonation', 'ms-Exch-EPI-May-Impersonate'] : ['ApplicationImpersonation'];
  return grantsOf(store.grants, principal.account, rights).some((g) => covers(g, mailbox, owner));
}

/** Exchange 2007's ms-Exch-EPI-Impersonation on the Client Access server (ApplicationImpersonation implies it). */
function hasServerRight(grants: readonly ImpersonationGrant[], caller: Account): boolean {
  return grantsOf(grants, caller, ['ApplicationImpersonation', 'ms-Exch-EPI-Impersonation']).length > 0;
}

/**
 * X-AnchorMailbox routes the request on-premises. Exchange Online routes by it too and refuses an
 * impersonated request anchored on another mailbox.
 */
function checkAnchor(ctx: ImpersonationContext, mailbox: Mailbox): void {
  if (ctx.profile.anchorMailbox !== 'must-match' || !ctx.anchorMailbox) return;
  if (ctx.anchorMailbox.trim().toLowerCase() !== mailbox.smtp.toLowerCase()) {
    throw new EwsFault('ErrorImpersonateUserDenied', `The X-AnchorMailbox header (${ctx.anchorMailbox.trim()}) does not name the impersonated mailbox.`);
  }
}

function grantsOf(grants: readonly ImpersonationGrant[], caller: Account, rights: readonly GrantRight[]): ImpersonationGrant[] {
  return grants.filter((g) => g.account.toLowerCase() === caller.smtp.toLowerCase() && rights.includes(g.right ?? 'ApplicationImpersonation'));
}

function ownerOf(store: Store, mailbox: Mailbox): Account | undefined {
  return store.account(mailbox.smtp);
}

function findTarget(store: Store, form: (typeof ID_FORMS)[number], value: string): Mailbox | undefined {
  if (form === 'PrimarySmtpAddress' || form === 'SmtpAddress') return store.mailbox(value);
  const lower = value.toLowerCase();
  for (const account of store.accounts.values()) {
    const match = form === 'SID' ? account.sid.toLowerCase() === lower : account.upn.toLowerCase() === lower;
    if (match && account.mailboxId) return store.mailboxes.get(account.mailboxId);
  }
  return undefined;
}

function covers(g: ImpersonationGrant, target: Mailbox, owner: Account | undefined): boolean {
  return inScope(g.scope, target) && (g.recipientFilter === undefined || matchesRecipientFilter(g.recipientFilter, target, owner));
}

function inScope(scope: GrantScope, target: Mailbox): boolean {
  const smtp = target.smtp.toLowerCase();
  const domain = smtp.slice(smtp.indexOf('@') + 1);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'domains':
      return scope.domains.some((d) => d.toLowerCase() === domain);
    case 'mailboxes':
      return scope.mailboxes.some((m) => m.toLowerCase() === smtp);
  }
}

/**
 * True when one of the caller's impersonation grants (ApplicationImpersonation or Exchange 2007's
 * may-impersonate) covers the target mailbox, whatever the generation. `owner` is needed for
 * recipient filters on account properties such as Department.
 */
export function mayImpersonate(grants: readonly ImpersonationGrant[], caller: Account, target: Mailbox, owner?: Account): boolean {
  return grantsOf(grants, caller, ['ApplicationImpersonation', 'ms-Exch-EPI-May-Impersonate']).some((g) => covers(g, target, owner));
}
