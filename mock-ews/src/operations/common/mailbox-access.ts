import { ItemError } from '../../soap/error-catalogue';
import { decodeId, IdKind } from '../../store/ids';
import type { Address, Folder, Item, Mailbox } from '../../store/types';
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
  return ctx.store.holdsMailboxRight(actingAccount(ctx.store, ctx.caller, ctx.mailbox, ctx.impersonating), mailbox, 'FullAccess');
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

/** Who a message goes out as: the From recipients see, the Sender, and the mailbox it is sent from. */
export interface SendingIdentity {
  from: Address;
  /** Set only when it differs from From: sent on behalf of the From mailbox. */
  sender?: Address;
  /** The mailbox the message leaves from: non-delivery reports return to it, the outbound log names it. */
  envelope: Mailbox;
}

/**
 * The identity a message goes out under, as Exchange decides it. The mailbox sent from is the one
 * the message's From names or, when it names none, `holder` (the mailbox holding a stored message;
 * the request's own for a new one). The request's own mailbox sends as itself. Another needs SendAs
 * on it (From and Sender are that mailbox) or SendOnBehalf (From is that mailbox, Sender the acting
 * user); anything else — FullAccess alone, an address with no mailbox here — is ErrorSendAsDenied.
 */
export function sendingIdentity(ctx: OperationContext, holder: Mailbox, from: Address | undefined): SendingIdentity {
  const mailbox = from ? ctx.store.mailbox(from.address) : holder;
  if (!mailbox) throw new ItemError('ErrorSendAsDenied');
  // The address resolves to the directory's entry, as Exchange writes it: its name and primary address.
  const as: Address = { name: mailbox.displayName, address: mailbox.smtp };
  if (mailbox === ctx.mailbox) return { from: as, envelope: mailbox };
  const acting = actingAccount(ctx.store, ctx.caller, ctx.mailbox, ctx.impersonating);
  if (ctx.store.holdsMailboxRight(acting, mailbox, 'SendAs')) return { from: as, envelope: mailbox };
  if (ctx.store.holdsMailboxRight(acting, mailbox, 'SendOnBehalf')) {
    const own = acting.mailboxId ? ctx.store.mailboxes.get(acting.mailboxId) : undefined;
    return { from: as, sender: { name: acting.displayName, address: acting.smtp }, envelope: own ?? mailbox };
  }
  throw new ItemError('ErrorSendAsDenied');
}
