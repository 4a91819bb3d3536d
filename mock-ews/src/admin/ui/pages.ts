import type { MockState } from '../../server/state';
import { OUTBOUND_REASON_LABEL, type OutboundMessage } from '../../store/outbound';
import type { AttachmentData, Folder, Item, Mailbox, MessageData } from '../../store/types';
import type { Fault } from '../faults';
import type { RecordView } from '../journal';
import { folderPath, mailboxFolders, mailboxItemCount } from '../views';
import { oofActive } from '../../store/auto-reply';
import { oofSettings } from '../../store/out-of-office';
import { prettyXml } from './pretty-xml';
import { Html, html, seg } from './html';

/** The inspector's pages: server-rendered, no scripts, no external assets. */

const BASE = '/__admin/ui';

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1f3a5f;color:#fff;padding:.6em 1em;display:flex;gap:1.5em;align-items:baseline}
header a{color:#fff;text-decoration:none}header strong{font-size:1.1em}
main{padding:1em 1.5em;max-width:1200px}
table{border-collapse:collapse;width:100%;background:#fff;margin:.5em 0 1.5em}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eef2f7}
tr.unread td{font-weight:600}
.bad{color:#a40000}.ok{color:#176b00}
pre{background:#fff;border:1px solid #ddd;padding:.6em;overflow:auto;max-height:40em;white-space:pre-wrap;word-break:break-all}
iframe{width:100%;height:28em;border:1px solid #ddd;background:#fff}
form.inline{display:inline}
fieldset{background:#fff;border:1px solid #ddd}
label{display:block;margin:.3em 0}
input[type=text],textarea,select{width:28em;max-width:100%}
`;

export function page(title: string, body: Html, opts: { refreshSeconds?: number } = {}): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
${opts.refreshSeconds ? html`<meta http-equiv="refresh" content="${opts.refreshSeconds}">` : ''}
<title>${title} · mock-ews inspector</title>
<style>${new Html(STYLE)}</style></head>
<body><header><strong>mock-ews inspector</strong>
<nav><a href="${BASE}">Mailboxes</a> · <a href="${BASE}/requests">Requests</a> · <a href="${BASE}/outbound">Outbound mail</a> · <a href="${BASE}#faults">Faults</a> · <a href="${BASE}#profile">Profile</a></nav></header>
<main><h1>${title}</h1>${body}</main></body></html>`.value;
}

function faultScope(f: Fault): string {
  const parts = [f.operation && `operation ${f.operation}`, f.mailbox && `mailbox ${f.mailbox}`, f.account && `account ${f.account}`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every request';
}

function faultDetail(f: Fault): string {
  switch (f.kind) {
    case 'http-status':
      return `HTTP ${f.status}`;
    case 'server-busy':
      return f.backOffMilliseconds === null ? 'ErrorServerBusy, no back-off hint' : `ErrorServerBusy, back off ${f.backOffMilliseconds} ms`;
    case 'response-code':
      return `${f.code}${f.shape ? ` (${f.shape})` : ''}`;
    case 'delay':
      return `${f.ms} ms`;
    case 'slow-drip':
      return `${f.chunkBytes} bytes every ${f.intervalMs} ms`;
    default:
      return '';
  }
}

function deliverForm(state: MockState, mailbox?: Mailbox, folder?: Folder): Html {
  const boxes = [...state.store.mailboxes.values()];
  return html`<form method="post" action="${BASE}/deliver" id="deliver"><fieldset><legend>Deliver a test message</legend>
<label>Mailbox <select name="mailbox">${boxes.map((m) => html`<option value="${m.smtp}"${m === mailbox ? new Html(' selected') : ''}>${m.smtp}</option>`)}</select></label>
<label>Folder <input type="text" name="folder" value="${folder && mailbox ? folderPath(mailbox, folder) || 'msgfolderroot' : 'inbox'}"></label>
<label>From <input type="text" name="from" value="tester@example.test"></label>
<label>Subject <input type="text" name="subject" required></label>
<label>Body <textarea name="text" rows="4"></textarea></label>
<button type="submit">Deliver</button></fieldset></form>`;
}

export function homePage(state: MockState): string {
  const boxes = [...state.store.mailboxes.values()];
  const faults = state.faults.list();
  const p = state.profile;
  const sv = p.serverVersion;
  return page(
    'Mailboxes',
    html`<table id="mailboxes"><tr><th>Mailbox</th><th>Display name</th><th>Items</th><th>Folders</th></tr>
${boxes.map((m) => html`<tr><td><a href="${BASE}/mailboxes/${seg(m.smtp)}">${m.smtp}</a></td><td>${m.displayName}</td><td>${mailboxItemCount(state.store, m)}</td><td>${mailboxFolders(state.store, m).length}</td></tr>`)}
</table>
<h2 id="faults">Active faults</h2>
${
  faults.length === 0
    ? html`<p id="no-faults">No faults are active.</p>`
    : html`<table id="fault-list"><tr><th>Id</th><th>Kind</th><th>Detail</th><th>Scope</th><th>Hits</th><th>Remaining</th></tr>
${faults.map((f) => html`<tr><td>${f.id}</td><td>${f.kind}</td><td>${faultDetail(f)}</td><td>${faultScope(f)}</td><td>${f.hits}</td><td>${f.remaining ?? '∞'}</td></tr>`)}
</table><form method="post" action="${BASE}/faults/clear"><button type="submit" id="clear-faults">Clear all faults</button></form>`
}
<h2 id="profile">Profile</h2>
<table id="profile-table"><tr><th>Name</th><td>${p.name}</td></tr>
<tr><th>ServerVersionInfo</th><td>${sv.major}.${sv.minor}.${sv.majorBuild}.${sv.minorBuild}${sv.version ? ` (${sv.version})` : ''}</td></tr>
<tr><th>Authentication</th><td>${p.authSchemes.join(', ')}</td></tr>
<tr><th>Scenario</th><td>${state.scenario?.label ?? '(none)'}</td></tr></table>
${deliverForm(state)}`,
  );
}

function folderTree(state: MockState, mailbox: Mailbox): Html {
  const rows = mailboxFolders(state.store, mailbox).map((f) => {
    const depth = folderPath(mailbox, f).split('/').filter(Boolean).length;
    const unread = [...f.items.values()].filter((i) => !i.data.isRead).length;
    return html`<tr><td style="padding-left:${String(0.5 + depth * 1.5)}em"><a href="${BASE}/mailboxes/${seg(mailbox.smtp)}/folders/${seg(f.id)}">${f.displayName}</a></td><td>${f.items.size}</td><td>${unread}</td></tr>`;
  });
  return html`<table id="folders"><tr><th>Folder</th><th>Items</th><th>Unread</th></tr>${rows}</table>`;
}

/** What GetUserOofSettings answers for the mailbox, and whether it is answering mail now. */
function outOfOffice(mailbox: Mailbox): Html {
  const o = oofSettings(mailbox);
  const window = html`${o.start.toISOString()} – ${o.end.toISOString()}`;
  return html`<h2>Out of office</h2><table id="out-of-office">
<tr><th>State</th><td>${o.state}${oofActive(o, new Date()) ? ' (answering mail now)' : ''}</td></tr>
${o.state === 'Scheduled' ? html`<tr><th>Window</th><td>${window}</td></tr>` : ''}
<tr><th>External audience</th><td>${o.externalAudience}</td></tr>
<tr><th>Internal reply</th><td>${o.internalReply}</td></tr>
<tr><th>External reply</th><td>${o.externalReply}</td></tr></table>`;
}

/** Who holds rights on the mailbox (FullAccess, SendAs, SendOnBehalf), when anyone does. */
function mailboxRights(state: MockState, mailbox: Mailbox): Html {
  const holders = state.store.mailboxRightHolders(mailbox);
  if (holders.length === 0) return html``;
  const rows = holders.map(({ user, rights }) => html`<tr><td>${user}</td><td>${rights.join(', ')}</td></tr>`);
  return html`<h2>Delegates</h2><table id="mailbox-rights"><tr><th>Account</th><th>Rights</th></tr>${rows}</table>`;
}

/** The mailbox's Inbox rules in priority order: what each tests and what it does, in EWS's names. */
function inboxRules(mailbox: Mailbox): Html {
  const rules = mailbox.rules ?? [];
  if (rules.length === 0) return html``;
  const describe = (o: object) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined && v !== false)
      .map(([k, v]) => (v === true ? k : `${k}: ${Array.isArray(v) ? v.join(', ') : k.endsWith('Folder') ? (mailbox.folders.get(String(v))?.displayName ?? v) : v}`))
      .join('; ');
  const rows = rules.map((r) => html`<tr><td>${r.priority}</td><td>${r.displayName}</td><td>${r.enabled ? 'yes' : 'no'}</td><td>${describe(r.conditions)}</td><td>${describe(r.exceptions)}</td><td>${describe(r.actions)}</td></tr>`);
  return html`<h2>Inbox rules</h2><table id="inbox-rules"><tr><th>Priority</th><th>Name</th><th>Enabled</th><th>Conditions</th><th>Exceptions</th><th>Actions</th></tr>${rows}</table>`;
}

export function mailboxPage(state: MockState, mailbox: Mailbox): string {
  return page(
    mailbox.smtp,
    html`<p>${mailbox.displayName} · ${mailboxItemCount(state.store, mailbox)} items</p>${folderTree(state, mailbox)}${mailboxRights(state, mailbox)}${inboxRules(mailbox)}${outOfOffice(mailbox)}${deliverForm(state, mailbox)}`,
  );
}

const fmtAddr = (a?: { name?: string; address: string }) => (a ? (a.name ? `${a.name} <${a.address}>` : a.address) : '');

export function folderPage(state: MockState, mailbox: Mailbox, folder: Folder): string {
  const items = [...folder.items.values()].sort((a, b) => b.data.dateTimeReceived.getTime() - a.data.dateTimeReceived.getTime()).slice(0, 500);
  return page(
    `${mailbox.smtp} · ${folderPath(mailbox, folder) || folder.displayName}`,
    html`<p><a href="${BASE}/mailboxes/${seg(mailbox.smtp)}">← ${mailbox.smtp}</a> · ${folder.items.size} items</p>
<table id="messages"><tr><th>Received</th><th>From</th><th>Subject</th><th>Attachments</th></tr>
${items.map(
  (i) =>
    html`<tr class="${i.data.isRead ? 'read' : 'unread'}"><td>${i.data.dateTimeReceived.toISOString()}</td><td>${fmtAddr(i.data.from)}</td><td><a href="${BASE}/mailboxes/${seg(mailbox.smtp)}/items/${seg(i.id)}">${i.data.subject || '(no subject)'}</a></td><td>${i.attachments.length || ''}</td></tr>`,
)}
</table>${deliverForm(state, mailbox, folder)}`,
  );
}

export function itemPage(mailbox: Mailbox, item: Item, mime: Buffer): string {
  const folder = mailbox.folders.get(item.folderId)!;
  const back = html`<a href="${BASE}/mailboxes/${seg(mailbox.smtp)}/folders/${seg(folder.id)}">← ${folderPath(mailbox, folder) || folder.displayName}</a>`;
  return messagePage(back, item.data, item.attachments, mime);
}

/** A message that left the organisation (store/outbound.ts), as the item page shows a stored one. */
export function outboundMessagePage(m: OutboundMessage, mime: Buffer): string {
  const back = html`<a href="${BASE}/outbound">← Outbound mail</a> · ${OUTBOUND_REASON_LABEL[m.reason]} from ${m.from} to ${m.recipients.join(', ')}`;
  return messagePage(back, m.data, m.data.attachments, mime);
}

function messagePage(back: Html, d: MessageData, attachments: readonly AttachmentData[], mime: Buffer): string {
  const headerEnd = mime.indexOf('\r\n\r\n') >= 0 ? mime.indexOf('\r\n\r\n') : mime.indexOf('\n\n');
  const rawHeaders = mime.subarray(0, headerEnd >= 0 ? headerEnd : mime.length).toString('utf8');
  return page(
    d.subject || '(no subject)',
    html`<p>${back}</p>
<table id="headers">
<tr><th>From</th><td>${fmtAddr(d.from)}</td></tr>
<tr><th>To</th><td>${d.to.map(fmtAddr).join(', ')}</td></tr>
${d.cc.length ? html`<tr><th>Cc</th><td>${d.cc.map(fmtAddr).join(', ')}</td></tr>` : ''}
<tr><th>Subject</th><td>${d.subject}</td></tr>
<tr><th>Sent</th><td>${d.dateTimeSent.toISOString()}</td></tr>
<tr><th>Received</th><td>${d.dateTimeReceived.toISOString()}</td></tr>
<tr><th>Message-ID</th><td>${d.internetMessageId}</td></tr>
<tr><th>Read</th><td>${d.isRead ? 'yes' : 'no'}</td></tr>
${attachments.length ? html`<tr><th>Attachments</th><td>${attachments.map((a) => `${a.name} (${a.contentType}, ${a.content.length} bytes)`).join('; ')}</td></tr>` : ''}
${d.extended && Object.keys(d.extended).length ? html`<tr><th>Extended properties</th><td>${Object.entries(d.extended).map(([k, v]) => `${k} = ${typeof v === 'string' ? v : v.join(', ')}`).join('; ')}</td></tr>` : ''}
</table>
<h2>Body</h2>
${
  d.body.html !== undefined
    ? html`<iframe id="html-body" title="HTML body" sandbox="" referrerpolicy="no-referrer" srcdoc="${d.body.html}"></iframe>`
    : html`<pre id="text-body">${d.body.text ?? ''}</pre>`
}
<h2>Internet headers</h2><pre id="mime-headers">${rawHeaders}</pre>`,
  );
}

/** Mail sent to recipients with no mailbox here, newest first. */
export function outboundPage(state: MockState): string {
  const messages = [...state.store.outbound.messages].reverse();
  return page(
    'Outbound mail',
    html`<p>Mail for recipients outside the scenario's mailboxes, kept instead of sent on (the newest 1,000, up to 64 MB).</p>
${
  messages.length === 0
    ? html`<p id="no-outbound">No mail has left the organisation.</p>`
    : html`<table id="outbound"><tr><th>#</th><th>Time</th><th>From</th><th>Recipients</th><th>Why</th><th>Subject</th></tr>
${messages.map(
  (m) =>
    html`<tr><td>${m.n}</td><td>${m.at.toISOString()}</td><td>${m.from}</td><td>${m.recipients.join(', ')}</td><td>${OUTBOUND_REASON_LABEL[m.reason]}</td><td><a href="${BASE}/outbound/${String(m.n)}">${m.data.subject || '(no subject)'}</a></td></tr>`,
)}
</table>`
}`,
  );
}

export function requestsPage(records: RecordView[], live: boolean): string {
  return page(
    'Requests',
    html`<p>${records.length} most recent · <a href="${BASE}/requests">Refresh</a> · ${
      live ? html`auto-refresh every 3 s (<a href="${BASE}/requests">stop</a>)` : html`<a href="${BASE}/requests?live=1">auto-refresh</a>`
    }</p>
<table id="journal"><tr><th>#</th><th>Time</th><th>Account</th><th>Mailbox</th><th>Operation</th><th>Version</th><th>Status</th><th>ResponseCode</th><th>ms</th><th>Fault</th></tr>
${records.map(
  (r) =>
    html`<tr class="${r.failed ? 'bad' : 'ok'}"><td><a href="${BASE}/requests/${String(r.id)}">${r.id}</a></td><td>${r.at}</td><td>${r.account}</td><td>${r.mailbox}</td><td>${r.operation}</td><td>${r.version}</td><td>${r.status}</td><td>${r.responseCode}</td><td>${r.durationMs}</td><td>${r.fault}</td></tr>`,
)}
</table>`,
    { refreshSeconds: live ? 3 : undefined },
  );
}

export function requestPage(r: RecordView): string {
  return page(
    `Request ${r.id}: ${r.operation ?? '(no operation)'}`,
    html`<p><a href="${BASE}/requests">← Requests</a></p>
<table id="summary"><tr><th>Time</th><td>${r.at}</td></tr><tr><th>Account</th><td>${r.account}</td></tr><tr><th>Mailbox</th><td>${r.mailbox}</td></tr>
<tr><th>Version</th><td>${r.version}</td></tr><tr><th>Status</th><td>${r.status}</td></tr><tr><th>ResponseCode</th><td>${r.responseCode}</td></tr>
<tr><th>Duration</th><td>${r.durationMs} ms</td></tr><tr><th>Fault</th><td>${r.fault ?? 'none'}</td></tr></table>
<h2>Request headers</h2><pre id="request-headers">${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
<h2>Request</h2><pre id="request-xml">${prettyXml(r.requestXml)}</pre>
<h2>Response</h2><pre id="response-xml">${prettyXml(r.responseXml)}</pre>`,
  );
}

export function errorPage(status: number, message: string): string {
  return page(`Error ${status}`, html`<p class="bad" id="error">${message}</p><p><a href="${BASE}">Back to the inspector</a></p>`);
}
