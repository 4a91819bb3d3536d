import { ItemError } from '../../soap/error-catalogue';
import { decodeId, IdKind } from '../../store/ids';
import type { Mailbox } from '../../store/types';
import type { OperationContext } from '../operation';

/** The mailbox the request acts on; a caller with no mailbox and no impersonation has none. */
export function requireMailbox(ctx: OperationContext): Mailbox {
  if (!ctx.mailbox) throw new ItemError('ErrorNonExistentMailbox');
  return ctx.mailbox;
}

/**
 * Checks an opaque id: malformed → ErrorInvalidIdMalformed; empty → ErrorInvalidIdEmpty; an id of
 * another mailbox → ErrorAccessDenied (never reveals whether it exists there).
 */
export function checkId(ctx: OperationContext, id: string | undefined, kind: IdKind): Mailbox {
  if (id === undefined || id === '') throw new ItemError('ErrorInvalidIdEmpty');
  const decoded = decodeId(id, kind);
  if (!decoded) throw new ItemError('ErrorInvalidIdMalformed');
  const mailbox = requireMailbox(ctx);
  if (decoded.mailboxId !== mailbox.id) throw new ItemError('ErrorAccessDenied');
  return mailbox;
}
