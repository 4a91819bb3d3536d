/**
 * The README's proof: point ews-javascript-api at an EWS URL, impersonate a user as the super-user
 * and print the subjects in that user's Inbox, newest first.
 *
 *   npx tsx scripts/example-list-inbox.ts [EWS URL]
 *
 * The URL defaults to $EWS_URL, then to the mock's default http://127.0.0.1:8080/EWS/Exchange.asmx.
 * EWS_LOGIN / EWS_PASSWORD (default svc-ews@acme.test / Passw0rd!) log on; EWS_MAILBOX (default
 * alice@acme.test) is the mailbox impersonated.
 */
import * as ews from 'ews-javascript-api';

const PAGE = 50;

async function main(): Promise<number> {
  const url = process.argv[2] ?? process.env.EWS_URL ?? 'http://127.0.0.1:8080/EWS/Exchange.asmx';
  const login = process.env.EWS_LOGIN ?? 'svc-ews@acme.test';
  const password = process.env.EWS_PASSWORD ?? 'Passw0rd!';
  const mailbox = process.env.EWS_MAILBOX ?? 'alice@acme.test';

  const service = new ews.ExchangeService(ews.ExchangeVersion.Exchange2010_SP2);
  service.Credentials = new ews.WebCredentials(login, password);
  service.Url = new ews.Uri(url);
  service.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, mailbox);

  const subjects: string[] = [];
  for (let offset = 0; ; ) {
    const view = new ews.ItemView(PAGE, offset);
    view.OrderBy.Add(ews.ItemSchema.DateTimeReceived, ews.SortDirection.Descending);
    const page = await service.FindItems(ews.WellKnownFolderName.Inbox, view);
    for (const item of page.Items) subjects.push(item.Subject || '(no subject)');
    if (!page.MoreAvailable || page.Items.length === 0) break;
    offset += page.Items.length;
  }
  console.log(`Inbox of ${mailbox} at ${url}: ${subjects.length} messages`);
  for (const s of subjects) console.log(`  ${s}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const e = err as { message?: string; HttpStatusCode?: number };
    console.error(`example-list-inbox: ${e.message ?? String(err)}${e.HttpStatusCode ? ` (HTTP ${e.HttpStatusCode})` : ''}`);
    process.exit(1);
  },
);
