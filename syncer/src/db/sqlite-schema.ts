/**
 * Schema migrations, applied in order; PRAGMA user_version records how many have run. Append new
 * migrations; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    enabled INTEGER NOT NULL,
    server TEXT NOT NULL,
    version TEXT NOT NULL,
    login TEXT NOT NULL,
    password_sealed TEXT NOT NULL,
    domain_list TEXT NOT NULL,
    options TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );

  CREATE TABLE user_emails (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email TEXT NOT NULL COLLATE NOCASE,
    UNIQUE (user_id, email)
  );

  CREATE TABLE mailboxes (
    id INTEGER PRIMARY KEY,
    user_email_id INTEGER REFERENCES user_emails(id) ON DELETE SET NULL,
    email TEXT NOT NULL COLLATE NOCASE,
    server TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'in_progress', 'failed', 'succeeded')),
    changed_at TEXT NOT NULL,
    last_sync_at TEXT,
    success_count INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX mailboxes_active ON mailboxes (active, server, email);

  CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
    ews_id TEXT NOT NULL,
    parent_ews_id TEXT,
    display_name TEXT NOT NULL,
    full_name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('inbox', 'other', 'sent')),
    sync_state TEXT,
    last_sync_at TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    UNIQUE (mailbox_id, ews_id)
  );

  -- One row per message, shared by every mailbox and folder holding the same Message-ID.
  CREATE TABLE emails (
    id INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    from_name TEXT,
    from_address TEXT,
    to_addresses TEXT NOT NULL,
    cc_addresses TEXT NOT NULL,
    bcc_addresses TEXT NOT NULL,
    sent_at TEXT,
    received_at TEXT,
    created_at TEXT,
    importance INTEGER NOT NULL CHECK (importance IN (-1, 0, 1)),
    has_attachments INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL
  );

  -- Where a message sits in a mailbox: the EWS item, its folder and per-mailbox flags.
  CREATE TABLE email_folders (
    id INTEGER PRIMARY KEY,
    email_id INTEGER NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
    folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    change_key TEXT,
    conversation_id TEXT,
    is_read INTEGER NOT NULL DEFAULT 0,
    -- Set when the server reported the item deleted; a later create of the same Message-ID in
    -- another folder of the mailbox revives the link as a move. Purged after each mailbox sync.
    removed_at TEXT,
    UNIQUE (folder_id, item_id)
  );
  CREATE INDEX email_folders_email ON email_folders (mailbox_id, email_id);

  CREATE TABLE bodies (
    email_id INTEGER PRIMARY KEY REFERENCES emails(id) ON DELETE CASCADE,
    body_type TEXT NOT NULL CHECK (body_type IN ('html', 'text')),
    content TEXT NOT NULL,
    loaded_at TEXT NOT NULL
  );

  CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    email_id INTEGER NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
    ews_id TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB,
    skipped_reason TEXT,
    UNIQUE (email_id, name, size)
  );
  `,
  // Which process holds an in-progress mailbox (host:pid), so a run killed mid-sync does not leave
  // its mailboxes stuck in progress: the next run on the host sees the process is gone and releases them.
  `ALTER TABLE mailboxes ADD COLUMN claimed_by TEXT;`,
  // An attachment is known by its place in its email's list, not by name and size: two files of the
  // same name and size (two "image.png" of one camera) are two attachments. Rows kept, numbered in
  // the order they were stored.
  `
  CREATE TABLE attachments_by_position (
    id INTEGER PRIMARY KEY,
    email_id INTEGER NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ews_id TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB,
    skipped_reason TEXT,
    UNIQUE (email_id, position)
  );
  INSERT INTO attachments_by_position (id, email_id, position, ews_id, name, content_type, size, content, skipped_reason)
    SELECT id, email_id, ROW_NUMBER() OVER (PARTITION BY email_id ORDER BY id) - 1, ews_id, name, content_type, size, content, skipped_reason FROM attachments;
  DROP TABLE attachments;
  ALTER TABLE attachments_by_position RENAME TO attachments;
  `,
  // Inline files (images an HTML body shows by cid:) are stored too, with the Content-ID that names them.
  `
  ALTER TABLE attachments ADD COLUMN is_inline INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE attachments ADD COLUMN content_id TEXT;
  `,
];
