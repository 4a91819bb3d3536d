import { ItemError } from '../../soap/error-catalogue';
import { decodeId, IdKind } from '../../store/ids';
import type { Folder, Item, Mailbox } from '../../store/types';
import type { OperationContext } from '../operation';
import { actingAccount } from './directory';

/** The mailbox the request acts on; a caller with no mailbox and no impersonation has none. */
export function requireMailbox(ctx: OperationContext): Mailbox {
  if (!ctx.mailbox) throw new ItemError('ErrorNonExistentMailbox');
  return ctx.mailbox;
}

/**
 * Whether the request may open `mailbox`: it is the request's own (the caller's, or the
 * impersonated user's), or the acting user holds FullAccess on it (delegate access).
 */
export function mayOpen(ctx: OperationContext, mailbox: Mailbox): boolean {
  if (mailbox === ctx.mailbox) return true;
  return ctx.store.hasFullAccess(actingAccount(ctx.store, ctx.caller, ctx.mailbox, ctx.impersonating), mailbox);
}

/** The mailbox holding a folder or an item the request has resolved. */
export function ownerOf(ctx: OperationContext, thing: Folder | Item): Mailbox {
  return ctx.store.mailboxes.get(thing.mailboxId)!;
}

/**
 * The mailbox an id names (by its mailbox id) when the request may open it. One the request may
 * not open, existing or not, is ErrorAccessDenied (never revealing whether it exists), or
 * ErrorNonExistentMailbox for a caller with no mailbox of its own.
 */
export function openMailbox(ctx: OperationContext, mailboxId: string): Mailbox {
  const mailbox = ctx.store.mailboxes.get(mailboxId);
  if (mailbox && mayOpen(ctx, mailbox)) return mailbox;
  throw new ItemError(ctx.mailbox ? 'ErrorAccessDenied' : 'ErrorNonExistentMailbox');
}

/**
 * Checks an opaque id: malformed → ErrorInvalidIdMalformed; empty → ErrorInvalidIdEmpty; an id of
 * a mailbox the request may not open as openMailbox says. Answers the mailbox the id belongs to.
 */
export function checkId(ctx: OperationContext, id: string | undefined, kind: IdKind): Mailbox {
  if (id === undefined || id === '') throw new ItemError('ErrorInvalidIdEmpty');
  const decoded = decodeId(id, kind);
  if (!decoded) throw new ItemError('ErrorInvalidIdMalformed');
  return openMailbox(ctx, decoded.mailboxId);
}

/**
 * Sending from a mailbox needs SendAs on it, which the mock does not model: a message of a mailbox
 * opened as a delegate cannot be sent (ErrorSendAsDenied); only the request's own mailbox sends.
 */
export function requireOwnForSending(ctx: OperationContext, mailbox: Mailbox): void {
  if (mailbox !== ctx.mailbox) throw new ItemError('ErrorSendAsDenied');
}
