/**
 * The syncer scenarios' only way to change the mock's mailboxes behind the syncer's back (new mail,
 * moves, renames, revoked rights) and to read what the mock holds and was sent. Everything goes
 * through the mock's admin API.
 */
import type { RunningMock } from '../../mock-ews/src/server/start';
import type { AdminClient, FolderInfo, Grant, ItemSummary, JournalEntry, MessageInput } from '../../mock-ews/src/client/admin-client';

export interface NewMessage {
  subject?: string;
  from?: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  messageId?: string;
  received?: Date;
  importance?: 'Low' | 'Normal' | 'High';
  isRead?: boolean;
  text?: string;
  attachments?: { name: string; contentType: string; content: Buffer }[];
}

let counter = 0;

export class MockControl {
  private readonly admin: AdminClient;

  constructor(mock: RunningMock) {
    this.admin = mock.admin;
  }

  /** A folder by its path of display names, e.g. "Inbox" or "Inbox/Projects". */
  async folder(smtp: string, path: string): Promise<FolderInfo> {
    return this.admin.folder(smtp, path, { limit: 0 });
  }

  /** The items of a folder, in the order the mailbox holds them. */
  async items(smtp: string, path: string): Promise<ItemSummary[]> {
    return this.admin.allItems(smtp, { folder: path });
  }

  /** The admin API's form of a message; every field the syncer reads is given. */
  private static input(smtp: string, m: NewMessage): MessageInput & { messageId: string } {
    const now = m.received ?? new Date();
    const messageId = m.messageId ?? `<syncer-test-${process.pid}-${++counter}-${now.getTime()}@mock.test>`;
    return {
      subject: m.subject ?? `Test message ${counter}`,
      from: m.from ?? 'sender@outside.test',
      to: m.to ?? [smtp],
      cc: m.cc ?? [],
      bcc: m.bcc ?? [],
      received: now.toISOString(),
      sent: now.toISOString(),
      messageId,
      importance: m.importance ?? 'Normal',
      isRead: m.isRead ?? false,
      text: m.text ?? 'Hello.',
      attachments: (m.attachments ?? []).map((a) => ({ name: a.name, contentType: a.contentType, base64: a.content.toString('base64') })),
    };
  }

  /** Delivers a message into a folder and returns its Message-ID. */
  async deliver(smtp: string, path: string, m: NewMessage = {}): Promise<string> {
    const message = MockControl.input(smtp, m);
    await this.admin.deliver(smtp, path, message);
    return message.messageId;
  }

  /** Delivers `count` messages into a folder, in one batch. */
  async deliverMany(smtp: string, path: string, count: number, subjectPrefix = 'Bulk'): Promise<void> {
    const batch = Array.from({ length: count }, (_, i) => MockControl.input(smtp, { subject: `${subjectPrefix} ${i + 1}` }));
    await this.admin.deliverBatch(smtp, path, batch);
  }

  private async itemByMessageId(smtp: string, path: string, messageId: string): Promise<ItemSummary> {
    const [item] = (await this.admin.items(smtp, { folder: path, messageId, limit: 1 })).items;
    if (!item) throw new Error(`no message ${messageId} in ${smtp} "${path}"`);
    return item;
  }

  /** The ItemId of the message with this Message-ID anywhere in the mailbox. */
  async itemIdOf(smtp: string, messageId: string): Promise<string> {
    const [item] = (await this.admin.items(smtp, { messageId, limit: 1 })).items;
    if (!item) throw new Error(`no message ${messageId} in ${smtp}`);
    return item.id;
  }

  /** The Message-ID of some message in a folder (the first by creation). */
  async anyMessageId(smtp: string, path: string): Promise<string> {
    const [first] = (await this.admin.items(smtp, { folder: path, limit: 1 })).items;
    if (!first) throw new Error(`${smtp} "${path}" is empty`);
    return first.internetMessageId;
  }

  async move(smtp: string, messageId: string, from: string, to: string): Promise<void> {
    await this.admin.moveItem(smtp, (await this.itemByMessageId(smtp, from, messageId)).id, to);
  }

  async copy(smtp: string, messageId: string, from: string, to: string): Promise<void> {
    await this.admin.copyItem(smtp, (await this.itemByMessageId(smtp, from, messageId)).id, to);
  }

  /** Removes a message for good, as a purge would. */
  async delete(smtp: string, messageId: string, from: string): Promise<void> {
    await this.admin.deleteItem(smtp, (await this.itemByMessageId(smtp, from, messageId)).id, 'HardDelete');
  }

  async renameFolder(smtp: string, path: string, newName: string): Promise<void> {
    await this.admin.updateFolder(smtp, path, { displayName: newName });
  }

  /** Creates a folder under `parentPath` ("" for the top of the mailbox). */
  async createFolder(smtp: string, parentPath: string, name: string): Promise<void> {
    await this.admin.createFolder(smtp, name, (await this.folder(smtp, parentPath)).id);
  }

  /** The Message-ID of the message with this subject anywhere in the mailbox. */
  async messageIdBySubject(smtp: string, subject: string): Promise<string> {
    const [item] = (await this.admin.items(smtp, { subject, limit: 1 })).items;
    if (!item) throw new Error(`no message "${subject}" in ${smtp}`);
    return item.internetMessageId;
  }

  /** The Message-ID behind an ItemId, in whichever mailbox holds it (undefined when gone). */
  async messageIdOfItem(itemId: string): Promise<string | undefined> {
    return (await this.locate(itemId))?.internetMessageId;
  }

  /** The SMTP address of the mailbox holding an ItemId. */
  async mailboxOfItem(itemId: string): Promise<string | undefined> {
    return (await this.locate(itemId))?.mailbox;
  }

  private async locate(itemId: string): Promise<(ItemSummary & { mailbox: string }) | undefined> {
    try {
      return await this.admin.findItem(itemId);
    } catch (err) {
      if ((err as { status?: number }).status === 404) return undefined;
      throw err;
    }
  }

  /** The newest journal number, to read later only the requests made after it. */
  async journalPosition(): Promise<number> {
    return (await this.admin.requestCount()).lastId;
  }

  /** Requests the mock answered after journal number `after`, oldest first. */
  async requests(after = 0): Promise<JournalEntry[]> {
    return this.admin.journal({ after });
  }

  /** Narrows the super-user's impersonation grants so that `smtp` is no longer covered. */
  async denyImpersonation(account: string, smtp: string): Promise<void> {
    const [grants, mailboxes] = await Promise.all([this.admin.grants(), this.admin.mailboxes()]);
    const mine = (g: Grant) => g.account?.toLowerCase() === account.toLowerCase();
    const covers = (s: string) =>
      grants.some((g) => {
        if (!mine(g)) return false;
        const scope = g.scope;
        if (scope === 'all') return true;
        if ('domains' in scope) return scope.domains.some((d) => s.toLowerCase().endsWith('@' + d.toLowerCase()));
        return scope.mailboxes.some((x) => x.toLowerCase() === s.toLowerCase());
      });
    const allowed = mailboxes.map((m) => m.smtp).filter((s) => s.toLowerCase() !== smtp.toLowerCase() && covers(s));
    // Replaces only this account's grant; the others (app grants among them) stay as they are.
    await this.admin.setGrant(account, { mailboxes: allowed });
  }
}
