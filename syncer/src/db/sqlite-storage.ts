import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { MIGRATIONS } from './sqlite-schema';
import type {
  AttachmentInput,
  BatchResult,
  DueQuery,
  FolderBatch,
  FolderInput,
  FolderRecord,
  LinkRecord,
  MailboxRecord,
  MappedEmail,
  PendingBody,
  StatusReport,
  StoredSettings,
  SyncStorage,
  UserEmailRecord,
  UserInput,
} from './storage';

type Row = Record<string, unknown>;

const iso = (d: Date) => d.toISOString();

/** Message-IDs looked up per query (well under SQLite's limit of bound parameters). */
const LINK_LOOKUP_CHUNK = 500;

/** This process as the holder of a claim. */
const CLAIM_OWNER = `${hostname()}:${process.pid}`;

/** True when a claim's process is known to be gone: on this host, and no process has its pid. */
function claimOwnerGone(owner: string): boolean {
  const at = owner.lastIndexOf(':');
  if (at < 0 || owner.slice(0, at) !== hostname()) return false;
  const pid = Number(owner.slice(at + 1));
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function mailboxFromRow(r: Row): MailboxRecord {
  return {
    id: r.id as number,
    email: r.email as string,
    server: r.server as string,
    userEmailId: (r.user_email_id as number | null) ?? null,
    active: r.active === 1,
    state: r.state as MailboxRecord['state'],
    changedAt: r.changed_at as string,
    lastSyncAt: (r.last_sync_at as string | null) ?? null,
    successCount: r.success_count as number,
    lastError: (r.last_error as string | null) ?? null,
  };
}

function folderFromRow(r: Row): FolderRecord {
  return {
    id: r.id as number,
    mailboxId: r.mailbox_id as number,
    ewsId: r.ews_id as string,
    parentEwsId: (r.parent_ews_id as string | null) ?? null,
    displayName: r.display_name as string,
    fullName: r.full_name as string,
    type: r.type as FolderRecord['type'],
    syncState: (r.sync_state as string | null) ?? null,
    lastSyncAt: (r.last_sync_at as string | null) ?? null,
    active: r.active === 1,
  };
}

/** One email of a batch failed to save; the batch is written again email by email. */
class EmailNotSaved extends Error {
  constructor(readonly reason: unknown) {
    super('an email of the batch could not be saved');
  }
}

/** SyncStorage on one SQLite file through better-sqlite3, in WAL mode. */
export class SqliteStorage implements SyncStorage {
  readonly db: Database.Database;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL never corrupts the file; only a power cut can lose the last commits, and a
    // lost batch carries its sync state with it, so the next run fetches it again. It spares an
    // fsync per batch.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // Concurrent runs (or a status call during a run) wait for the writer instead of failing.
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  /** Brings the schema up to date; each migration runs in its own transaction. */
  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(`database ${this.file} has schema version ${current}, newer than this syncer knows (${MIGRATIONS.length})`);
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      }).immediate();
    }
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    this.db.close();
  }

  // ---- settings ----

  loadSettings(): StoredSettings | undefined {
    const r = this.db.prepare('SELECT * FROM settings WHERE id = 1').get() as Row | undefined;
    if (!r) return undefined;
    return {
      enabled: r.enabled === 1,
      server: r.server as string,
      version: r.version as string,
      login: r.login as string,
      passwordSealed: r.password_sealed as string,
      domainList: JSON.parse(r.domain_list as string) as string[],
      options: JSON.parse(r.options as string) as Record<string, unknown>,
      updatedAt: r.updated_at as string,
    };
  }

  saveSettings(s: Omit<StoredSettings, 'updatedAt'>): void {
    this.db
      .prepare(
        `INSERT INTO settings (id, enabled, server, version, login, password_sealed, domain_list, options, updated_at)
         VALUES (1, @enabled, @server, @version, @login, @passwordSealed, @domainList, @options, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, server = excluded.server, version = excluded.version,
           login = excluded.login, password_sealed = excluded.password_sealed, domain_list = excluded.domain_list,
           options = excluded.options, updated_at = excluded.updated_at`,
      )
      .run({
        enabled: s.enabled ? 1 : 0,
        server: s.server,
        version: s.version,
        login: s.login,
        passwordSealed: s.passwordSealed,
        domainList: JSON.stringify(s.domainList),
        options: JSON.stringify(s.options),
        updatedAt: iso(new Date()),
      });
  }

  // ---- users ----

  importUsers(users: UserInput[]): { users: number; emails: number } {
    const upsertUser = this.db.prepare('INSERT INTO users (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id');
    const existing = this.db.prepare('SELECT id, email FROM user_emails WHERE user_id = ?');
    const insertEmail = this.db.prepare('INSERT INTO user_emails (user_id, email) VALUES (?, ?) ON CONFLICT DO NOTHING');
    const deleteEmail = this.db.prepare('DELETE FROM user_emails WHERE id = ?');
    let emails = 0;
    this.db.transaction(() => {
      for (const u of users) {
        const { id } = upsertUser.get(u.name) as { id: number };
        const wanted = new Set(u.emails.map((e) => e.toLowerCase()));
        for (const row of existing.all(id) as { id: number; email: string }[]) {
          if (!wanted.has(row.email.toLowerCase())) deleteEmail.run(row.id);
        }
        for (const e of wanted) {
          insertEmail.run(id, e);
          emails++;
        }
      }
    }).immediate();
    return { users: users.length, emails };
  }

  userEmails(): UserEmailRecord[] {
    return (
      this.db
        .prepare('SELECT ue.id AS ueid, u.id AS uid, u.name, ue.email FROM user_emails ue JOIN users u ON u.id = ue.user_id ORDER BY ue.id')
        .all() as Row[]
    ).map((r) => ({ userEmailId: r.ueid as number, userId: r.uid as number, userName: r.name as string, email: r.email as string }));
  }

  // ---- mailboxes ----

  deactivateMailboxesOfOtherServers(server: string): number {
    return this.db.prepare('UPDATE mailboxes SET active = 0 WHERE active = 1 AND server <> ?').run(server).changes;
  }

  deactivateOrphanMailboxes(): number {
    return this.db
      .prepare(
        `UPDATE mailboxes SET active = 0 WHERE active = 1 AND NOT EXISTS (
           SELECT 1 FROM user_emails ue WHERE ue.id = mailboxes.user_email_id AND ue.email = mailboxes.email)`,
      )
      .run().changes;
  }

  deactivateMailboxesOutsideDomains(server: string, domains: string[]): number {
    const keep = new Set(domains.map((d) => d.toLowerCase()));
    const rows = this.db.prepare('SELECT id, email FROM mailboxes WHERE active = 1 AND server = ?').all(server) as { id: number; email: string }[];
    const off = this.db.prepare('UPDATE mailboxes SET active = 0 WHERE id = ?');
    let n = 0;
    this.db.transaction(() => {
      for (const r of rows) {
        if (!keep.has(r.email.slice(r.email.lastIndexOf('@') + 1).toLowerCase())) n += off.run(r.id).changes;
      }
    })();
    return n;
  }

  ensureMailbox(userEmailId: number, email: string, server: string): boolean {
    const now = iso(new Date());
    return this.db.transaction(() => {
      const found = this.db.prepare('SELECT id FROM mailboxes WHERE active = 1 AND server = ? AND email = ?').get(server, email);
      if (found) return false;
      this.db
        .prepare('INSERT INTO mailboxes (user_email_id, email, server, changed_at, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(userEmailId, email.toLowerCase(), server, now, now);
      return true;
    }).immediate();
  }

  resetStuckMailboxes(before: Date, now: Date): number {
    return this.releaseOrphanedClaims(now) + this.db
      .prepare(
        `UPDATE mailboxes SET state = 'failed', changed_at = ?, last_error = 'reset: in progress for more than a day'
         WHERE state = 'in_progress' AND changed_at < ?`,
      )
      .run(iso(now), iso(before)).changes;
  }

  /**
   * In-progress mailboxes claimed by a process of this host that no longer exists (killed, crashed)
   * go back to where they were before the claim, so the next run syncs them at once.
   */
  private releaseOrphanedClaims(now: Date): number {
    const rows = this.db.prepare(`SELECT id, claimed_by FROM mailboxes WHERE state = 'in_progress' AND claimed_by IS NOT NULL`).all() as { id: number; claimed_by: string }[];
    const release = this.db.prepare(
      `UPDATE mailboxes SET state = CASE WHEN last_sync_at IS NULL THEN 'new' ELSE 'succeeded' END, changed_at = ?, claimed_by = NULL,
         last_error = 'interrupted: the run syncing it ended without finishing' WHERE id = ? AND state = 'in_progress' AND claimed_by = ?`,
    );
    let n = 0;
    for (const r of rows) if (claimOwnerGone(r.claimed_by)) n += release.run(iso(now), r.id, r.claimed_by).changes;
    return n;
  }

  mailbox(id: number): MailboxRecord | undefined {
    const r = this.db.prepare('SELECT * FROM mailboxes WHERE id = ?').get(id) as Row | undefined;
    return r && mailboxFromRow(r);
  }

  mailboxes(): MailboxRecord[] {
    return (this.db.prepare('SELECT * FROM mailboxes ORDER BY id').all() as Row[]).map(mailboxFromRow);
  }

  dueMailboxes(q: DueQuery): MailboxRecord[] {
    const params: unknown[] = [q.server];
    let sql = `SELECT * FROM mailboxes WHERE active = 1 AND server = ? AND state <> 'in_progress'`;
    if (q.ids && q.ids.length > 0) {
      sql += ` AND id IN (${q.ids.map(() => '?').join(',')})`;
      params.push(...q.ids);
    } else {
      sql += ` AND NOT (state = 'failed' AND changed_at > ?)`;
      params.push(iso(new Date(q.now.getTime() - q.failedRetryAfterMs)));
      if (q.syncedAfter) {
        sql += ' AND (last_sync_at IS NULL OR last_sync_at <= ?)';
        params.push(iso(q.syncedAfter));
      }
    }
    // Longest-waiting first: never synced, then oldest last sync.
    sql += ' ORDER BY last_sync_at IS NOT NULL, last_sync_at, changed_at, id';
    if (q.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(q.limit);
    }
    return (this.db.prepare(sql).all(...params) as Row[]).map(mailboxFromRow);
  }

  claimMailbox(id: number, now: Date, seenChangedAt?: string, runStartedAt?: Date): boolean {
    let sql = `UPDATE mailboxes SET state = 'in_progress', changed_at = ?, claimed_by = ? WHERE id = ? AND active = 1 AND state <> 'in_progress'`;
    const params: unknown[] = [iso(now), CLAIM_OWNER, id];
    if (seenChangedAt !== undefined) {
      sql += ' AND changed_at = ?';
      params.push(seenChangedAt);
    }
    // A run that selected the mailbox after another run had already synced it (both started at
    // once, one slower to select) must not sync it a second time.
    if (runStartedAt !== undefined) {
      sql += ' AND (last_sync_at IS NULL OR last_sync_at < ?)';
      params.push(iso(runStartedAt));
    }
    return this.db.prepare(sql).run(...params).changes === 1;
  }

  finishMailbox(id: number, outcome: { ok: true } | { ok: false; error: string }, now: Date): void {
    if (outcome.ok) {
      this.db
        .prepare(`UPDATE mailboxes SET state = 'succeeded', changed_at = ?, last_sync_at = ?, success_count = success_count + 1, last_error = NULL WHERE id = ?`)
        .run(iso(now), iso(now), id);
    } else {
      this.db.prepare(`UPDATE mailboxes SET state = 'failed', changed_at = ?, last_error = ? WHERE id = ?`).run(iso(now), outcome.error, id);
    }
  }

  // ---- folders ----

  folders(mailboxId: number): FolderRecord[] {
    return (this.db.prepare('SELECT * FROM folders WHERE mailbox_id = ? ORDER BY id').all(mailboxId) as Row[]).map(folderFromRow);
  }

  replaceFolders(mailboxId: number, folders: FolderInput[]): FolderRecord[] {
    const upsert = this.db.prepare(
      `INSERT INTO folders (mailbox_id, ews_id, parent_ews_id, display_name, full_name, type, active)
       VALUES (@mailboxId, @ewsId, @parentEwsId, @displayName, @fullName, @type, 1)
       ON CONFLICT (mailbox_id, ews_id) DO UPDATE SET parent_ews_id = excluded.parent_ews_id,
         display_name = excluded.display_name, full_name = excluded.full_name, type = excluded.type, active = 1`,
    );
    this.db.transaction(() => {
      this.db.prepare('UPDATE folders SET active = 0 WHERE mailbox_id = ?').run(mailboxId);
      for (const f of folders) upsert.run({ mailboxId, ...f });
      // A folder gone from the server takes its links with it; the shared emails stay.
      this.db.prepare('DELETE FROM email_folders WHERE folder_id IN (SELECT id FROM folders WHERE mailbox_id = ? AND active = 0)').run(mailboxId);
      this.db.prepare('UPDATE folders SET sync_state = NULL WHERE mailbox_id = ? AND active = 0').run(mailboxId);
    }).immediate();
    return this.folders(mailboxId).filter((f) => f.active);
  }

  resetFolderSyncState(folderId: number): void {
    this.db.prepare('UPDATE folders SET sync_state = NULL WHERE id = ?').run(folderId);
  }

  // ---- emails ----

  linksByMessageId(mailboxId: number, messageIds: string[]): LinkRecord[] {
    const unique = [...new Set(messageIds)];
    const out: LinkRecord[] = [];
    // One query per chunk of Message-IDs rather than one per Message-ID.
    for (let i = 0; i < unique.length; i += LINK_LOOKUP_CHUNK) {
      const chunk = unique.slice(i, i + LINK_LOOKUP_CHUNK);
      const rows = this.db
        .prepare(
          `SELECT l.id AS link_id, l.email_id, l.folder_id, f.type, l.item_id, e.message_id, l.removed_at
           FROM email_folders l JOIN emails e ON e.id = l.email_id JOIN folders f ON f.id = l.folder_id
           WHERE l.mailbox_id = ? AND f.active = 1 AND e.message_id IN (${chunk.map(() => '?').join(',')})
           ORDER BY l.id`,
        )
        .all(mailboxId, ...chunk) as Row[];
      for (const r of rows) {
        out.push({
          linkId: r.link_id as number,
          emailId: r.email_id as number,
          folderId: r.folder_id as number,
          folderType: r.type as LinkRecord['folderType'],
          itemId: r.item_id as string,
          messageId: r.message_id as string,
          removed: r.removed_at !== null,
        });
      }
    }
    return out;
  }

  itemIds(folderId: number): Set<string> {
    return new Set(this.db.prepare('SELECT item_id FROM email_folders WHERE folder_id = ? AND removed_at IS NULL').pluck().all(folderId) as string[]);
  }

  purgeRemovedLinks(mailboxId: number): number {
    return this.db.prepare('DELETE FROM email_folders WHERE mailbox_id = ? AND removed_at IS NOT NULL').run(mailboxId).changes;
  }

  /**
   * Statements of the import path, prepared once per database: preparing them per batch (or per
   * email) cost more than running them.
   */
  private importStatements?: ReturnType<SqliteStorage['prepareImportStatements']>;

  private get stmts() {
    return (this.importStatements ??= this.prepareImportStatements());
  }

  private prepareImportStatements() {
    return {
      findLink: this.db.prepare('SELECT id, change_key, is_read FROM email_folders WHERE folder_id = ? AND item_id = ?'),
      updateLink: this.db.prepare('UPDATE email_folders SET change_key = ?, is_read = ?, conversation_id = COALESCE(?, conversation_id) WHERE id = ?'),
      moveLink: this.db.prepare(
        'UPDATE email_folders SET folder_id = ?, item_id = ?, change_key = ?, is_read = ?, removed_at = NULL WHERE id = ? AND mailbox_id = ?',
      ),
      findEmail: this.db.prepare('SELECT id FROM emails WHERE message_id = ?').pluck(),
      insertEmail: this.db
        .prepare(
          `INSERT INTO emails (message_id, subject, from_name, from_address, to_addresses, cc_addresses, bcc_addresses,
             sent_at, received_at, created_at, importance, has_attachments, imported_at)
           VALUES (@messageId, @subject, @fromName, @fromAddress, @to, @cc, @bcc, @sentAt, @receivedAt, @createdAt, @importance, @hasAttachments, @importedAt)
           RETURNING id`,
        )
        .pluck(),
      insertLink: this.db.prepare(
        `INSERT INTO email_folders (email_id, folder_id, mailbox_id, item_id, change_key, conversation_id, is_read)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      removeLink: this.db.prepare('UPDATE email_folders SET removed_at = ? WHERE folder_id = ? AND item_id = ? AND removed_at IS NULL'),
      folderState: this.db.prepare('UPDATE folders SET sync_state = COALESCE(?, sync_state), last_sync_at = COALESCE(?, last_sync_at) WHERE id = ?'),
      insertBody: this.db.prepare('INSERT INTO bodies (email_id, body_type, content, loaded_at) VALUES (?, ?, ?, ?) ON CONFLICT (email_id) DO NOTHING'),
      insertAttachment: this.db.prepare(
        `INSERT INTO attachments (email_id, position, ews_id, name, content_type, size, content, skipped_reason, is_inline, content_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (email_id, position) DO UPDATE SET content = COALESCE(attachments.content, excluded.content),
           skipped_reason = CASE WHEN attachments.content IS NULL THEN excluded.skipped_reason ELSE attachments.skipped_reason END`,
      ),
    };
  }

  saveBatch(batch: FolderBatch): BatchResult {
    const now = iso(new Date());
    try {
      // Almost every batch saves cleanly: one transaction, no savepoint per email.
      return this.db.transaction(() => this.writeBatch(batch, now, false)).immediate();
    } catch (err) {
      if (!(err instanceof EmailNotSaved)) throw err;
      // An email failed and the whole batch rolled back. Again with a savepoint per email, so the
      // bad ones are skipped and reported and the rest commit.
      return this.db.transaction(() => this.writeBatch(batch, now, true)).immediate();
    }
  }

  private writeBatch(batch: FolderBatch, now: string, isolate: boolean): BatchResult {
    const result: BatchResult = { created: 0, updated: 0, moved: 0, deleted: 0, unchanged: 0, failed: [] };
    const s = this.stmts;
    for (const m of batch.moves) {
      const changes = s.moveLink.run(batch.folderId, m.itemId, m.changeKey ?? null, m.isRead ? 1 : 0, m.linkId, batch.mailboxId).changes;
      if (changes === 1) result.moved++;
    }
    const saveOne = (e: MappedEmail) => {
      const link = s.findLink.get(batch.folderId, e.itemId) as Row | undefined;
      if (link) {
        if (link.change_key !== (e.changeKey ?? null) || (link.is_read === 1) !== e.isRead) {
          s.updateLink.run(e.changeKey ?? null, e.isRead ? 1 : 0, e.conversationId, link.id);
          result.updated++;
        } else result.unchanged++;
        return;
      }
      let emailId = s.findEmail.get(e.messageId) as number | undefined;
      if (emailId === undefined) emailId = s.insertEmail.get(emailParams(e, now)) as number;
      s.insertLink.run(emailId, batch.folderId, batch.mailboxId, e.itemId, e.changeKey ?? null, e.conversationId, e.isRead ? 1 : 0);
      if (e.body) this.insertBody(emailId, e.body, e.attachments ?? [], now);
      result.created++;
    };
    const savepoint = isolate ? this.db.transaction(saveOne) : undefined;
    for (const e of batch.emails) {
      if (!savepoint) {
        try {
          saveOne(e);
        } catch (err) {
          throw new EmailNotSaved(err);
        }
        continue;
      }
      try {
        // A savepoint per email: a bad one rolls back alone and the batch goes on.
        savepoint(e);
      } catch (err) {
        result.failed.push({ itemId: e.itemId, error: err instanceof Error ? err.message : String(err) });
      }
    }
    for (const id of batch.deletedItemIds) result.deleted += s.removeLink.run(now, batch.folderId, id).changes;
    if (batch.syncState !== undefined || batch.lastSyncAt !== undefined) {
      s.folderState.run(batch.syncState ?? null, batch.lastSyncAt ?? null, batch.folderId);
    }
    return result;
  }

  private insertBody(emailId: number, body: { type: 'html' | 'text'; content: string }, attachments: AttachmentInput[], now: string): void {
    const s = this.stmts;
    s.insertBody.run(emailId, body.type, body.content, now);
    attachments.forEach((a, position) =>
      s.insertAttachment.run(emailId, position, a.ewsId, a.name, a.contentType, a.size, a.content ?? null, a.skippedReason ?? null, a.isInline ? 1 : 0, a.contentId ?? null),
    );
  }

  // ---- bodies ----

  pendingBodies(limit: number): PendingBody[] {
    return (
      this.db
        .prepare(
          `SELECT e.id AS email_id, e.message_id, m.id AS mailbox_id, m.email AS mailbox_email, MIN(l.item_id) AS item_id
           FROM emails e JOIN email_folders l ON l.email_id = e.id JOIN mailboxes m ON m.id = l.mailbox_id
           WHERE m.active = 1 AND l.removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM bodies b WHERE b.email_id = e.id)
           GROUP BY e.id ORDER BY e.id LIMIT ?`,
        )
        .all(limit) as Row[]
    ).map((r) => ({
      emailId: r.email_id as number,
      messageId: r.message_id as string,
      mailboxId: r.mailbox_id as number,
      mailboxEmail: r.mailbox_email as string,
      itemId: r.item_id as string,
    }));
  }

  saveBody(emailId: number, body: { type: 'html' | 'text'; content: string }, attachments: AttachmentInput[]): void {
    this.db.transaction(() => this.insertBody(emailId, body, attachments, iso(new Date()))).immediate();
  }

  // ---- status ----

  status(): StatusReport {
    const folderRows = this.db
      .prepare(
        `SELECT f.mailbox_id, f.full_name, f.type, f.last_sync_at, COUNT(DISTINCT l.email_id) AS emails
         FROM folders f LEFT JOIN email_folders l ON l.folder_id = f.id AND l.removed_at IS NULL
         WHERE f.active = 1 GROUP BY f.id ORDER BY f.mailbox_id, f.full_name`,
      )
      .all() as Row[];
    const emailCounts = new Map(
      (this.db.prepare('SELECT mailbox_id, COUNT(DISTINCT email_id) AS n FROM email_folders WHERE removed_at IS NULL GROUP BY mailbox_id').all() as Row[]).map((r) => [
        r.mailbox_id as number,
        r.n as number,
      ]),
    );
    return {
      mailboxes: this.mailboxes().map((m) => ({
        id: m.id,
        email: m.email,
        server: m.server,
        active: m.active,
        state: m.state,
        changedAt: m.changedAt,
        lastSyncAt: m.lastSyncAt,
        successCount: m.successCount,
        lastError: m.lastError,
        emails: emailCounts.get(m.id) ?? 0,
        folders: folderRows
          .filter((f) => f.mailbox_id === m.id)
          .map((f) => ({
            name: f.full_name as string,
            type: f.type as 'inbox' | 'other' | 'sent',
            emails: f.emails as number,
            lastSyncAt: (f.last_sync_at as string | null) ?? null,
          })),
      })),
    };
  }
}

function emailParams(e: MappedEmail, now: string) {
  return {
    messageId: e.messageId,
    subject: e.subject,
    fromName: e.from?.name ?? null,
    fromAddress: e.from?.address ?? null,
    to: JSON.stringify(e.to),
    cc: JSON.stringify(e.cc),
    bcc: JSON.stringify(e.bcc),
    sentAt: e.sentAt,
    receivedAt: e.receivedAt,
    createdAt: e.createdAt,
    importance: e.importance,
    hasAttachments: e.hasAttachments ? 1 : 0,
    importedAt: now,
  };
}
