/**
 * The syncer scenarios' only way to change the mock's mailboxes behind the syncer's back (new mail,
 * moves, renames, revoked rights). Kept in one module so it can switch to the admin HTTP API.
 */
import type { RunningMock } from '../../mock-ews/src/server/start';
import type { Folder, Item, Mailbox, MessageData } from '../../mock-ews/src/store/types';

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
  constructor(private readonly mock: RunningMock) {}

  private get store() {
    return this.mock.state.store;
  }

  mailbox(smtp: string): Mailbox {
    const m = this.store.mailbox(smtp);
    if (!m) throw new Error(`the mock has no mailbox ${smtp}`);
    return m;
  }

  /** A folder by its path of display names, e.g. "Inbox" or "Inbox/Projects". */
  folder(smtp: string, path: string): Folder {
    const f = this.store.folderByPath(this.mailbox(smtp), path);
    if (!f) throw new Error(`the mock has no folder "${path}" in ${smtp}`);
    return f;
  }

  items(smtp: string, path: string): Item[] {
    return [...this.folder(smtp, path).items.values()];
  }

  /** Delivers a message into a folder and returns its Message-ID. */
  deliver(smtp: string, path: string, m: NewMessage = {}): string {
    const now = m.received ?? new Date();
    const messageId = m.messageId ?? `<syncer-test-${process.pid}-${++counter}-${now.getTime()}@mock.test>`;
    const addr = (a: string) => ({ address: a });
    const data: MessageData = {
      subject: m.subject ?? `Test message ${counter}`,
      from: addr(m.from ?? 'sender@outside.test'),
      to: (m.to ?? [smtp]).map(addr),
      cc: (m.cc ?? []).map(addr),
      bcc: (m.bcc ?? []).map(addr),
      replyTo: [],
      dateTimeSent: now,
      dateTimeReceived: now,
      internetMessageId: messageId,
      importance: m.importance ?? 'Normal',
      isRead: m.isRead ?? false,
      isDraft: false,
      categories: [],
      body: { text: m.text ?? 'Hello.' },
      attachments: (m.attachments ?? []).map((a) => ({ ...a })),
      headers: [],
      itemClass: 'IPM.Note',
    };
    this.store.addItem(this.mailbox(smtp), this.folder(smtp, path), data);
    return messageId;
  }

  /** Delivers `count` messages into a folder. */
  deliverMany(smtp: string, path: string, count: number, subjectPrefix = 'Bulk'): void {
    for (let i = 0; i < count; i++) this.deliver(smtp, path, { subject: `${subjectPrefix} ${i + 1}` });
  }

  private itemByMessageId(smtp: string, path: string, messageId: string): Item {
    const item = this.items(smtp, path).find((i) => i.data.internetMessageId === messageId);
    if (!item) throw new Error(`no message ${messageId} in ${smtp} "${path}"`);
    return item;
  }

  /** The Message-ID of some message in a folder (the first by creation). */
  anyMessageId(smtp: string, path: string): string {
    const first = this.items(smtp, path)[0];
    if (!first) throw new Error(`${smtp} "${path}" is empty`);
    return first.data.internetMessageId;
  }

  move(smtp: string, messageId: string, from: string, to: string): void {
    this.store.moveItem(this.mailbox(smtp), this.itemByMessageId(smtp, from, messageId), this.folder(smtp, to));
  }

  copy(smtp: string, messageId: string, from: string, to: string): void {
    this.store.copyItem(this.mailbox(smtp), this.itemByMessageId(smtp, from, messageId), this.folder(smtp, to));
  }

  delete(smtp: string, messageId: string, from: string): void {
    this.store.deleteItem(this.mailbox(smtp), this.itemByMessageId(smtp, from, messageId));
  }

  renameFolder(smtp: string, path: string, newName: string): void {
    this.store.renameFolder(this.mailbox(smtp), this.folder(smtp, path), newName);
  }

  createFolder(smtp: string, parentPath: string, name: string): void {
    this.store.createFolder(this.mailbox(smtp), this.folder(smtp, parentPath).id, name);
  }

  /** The Message-ID of the message with this subject anywhere in the mailbox. */
  messageIdBySubject(smtp: string, subject: string): string {
    const item = [...this.mailbox(smtp).items.values()].find((i) => i.data.subject === subject);
    if (!item) throw new Error(`no message "${subject}" in ${smtp}`);
    return item.data.internetMessageId;
  }

  /** The Message-ID behind an ItemId, in whichever mailbox holds it (undefined when gone). */
  messageIdOfItem(itemId: string): string | undefined {
    for (const m of this.store.mailboxes.values()) {
      const item = m.items.get(itemId);
      if (item) return item.data.internetMessageId;
    }
    return undefined;
  }

  /** The SMTP address of the mailbox holding an ItemId. */
  mailboxOfItem(itemId: string): string | undefined {
    for (const m of this.store.mailboxes.values()) if (m.items.has(itemId)) return m.smtp;
    return undefined;
  }

  /** Requests the mock answered, oldest first, from journal position `from`. */
  requests(from = 0) {
    return this.mock.state.records.slice(from);
  }

  /** Narrows the super-user's impersonation grants so that `smtp` is no longer covered. */
  denyImpersonation(account: string, smtp: string): void {
    const store = this.store;
    const allowed = [...store.mailboxes.values()]
      .map((m) => m.smtp)
      .filter((s) => s.toLowerCase() !== smtp.toLowerCase())
      .filter((s) =>
        store.grants.some((g) => {
          if (g.account.toLowerCase() !== account.toLowerCase()) return false;
          const scope = g.scope;
          if (scope.kind === 'all') return true;
          if (scope.kind === 'domains') return scope.domains.some((d) => s.toLowerCase().endsWith('@' + d.toLowerCase()));
          return scope.mailboxes.some((x) => x.toLowerCase() === s.toLowerCase());
        }),
      );
    store.grants = [
      ...store.grants.filter((g) => g.account.toLowerCase() !== account.toLowerCase()),
      { account, scope: { kind: 'mailboxes', mailboxes: allowed } },
    ];
  }
}
