/**
 * Rights one account holds on another's mailbox, as Exchange grants them: FullAccess
 * (Add-MailboxPermission) opens the mailbox's folders and items; SendAs (Add-ADPermission
 * "Send As", Add-RecipientPermission in Exchange Online) sends with the mailbox's address as the
 * message's From and Sender; SendOnBehalf (Set-Mailbox -GrantSendOnBehalfTo) sends with the
 * mailbox as From and the sending account as Sender ("alice on behalf of support").
 */
export const MAILBOX_RIGHTS = ['FullAccess', 'SendAs', 'SendOnBehalf'] as const;
export type MailboxRight = (typeof MAILBOX_RIGHTS)[number];

/** One permission as the scenario file and the admin API write it. */
export interface MailboxPermission {
  mailbox: string;
  user: string;
  accessRights: MailboxRight;
}

/**
 * The first rule a list of permissions breaks against a directory, as the field at fault and
 * what is wrong with it: the mailbox must exist, the user must be an account. Shared by the
 * scenario file's checks and the admin API's, so both say the same.
 */
export function brokenPermissionRule(
  permissions: readonly MailboxPermission[],
  directory: { hasMailbox(smtp: string): boolean; hasAccount(smtp: string): boolean },
): { field: string; message: string } | undefined {
  for (const [i, p] of permissions.entries()) {
    if (!directory.hasMailbox(p.mailbox)) return { field: `[${i}].mailbox`, message: `no mailbox ${p.mailbox}` };
    if (!directory.hasAccount(p.user)) return { field: `[${i}].user`, message: `no account ${p.user}` };
  }
  return undefined;
}
