import { When } from '@cucumber/cucumber';
import * as ews from 'ews-javascript-api';
import { DEFAULT_PASSWORD } from '../support/accounts';
import type { EwsWorld } from '../support/world';
import { wellKnown } from './folders.steps';

// Delegate access: a user opens another mailbox's folders with FullAccess, without impersonation
// (or, impersonated, with the impersonated user's permissions), through ews-javascript-api's
// FolderId(WellKnownFolderName, Mailbox).

const folderOf = (folder: string, owner: string) => new ews.FolderId(wellKnown(folder), new ews.Mailbox(owner));

/** The service `login` uses: its own, or impersonating `as` when given. */
const serviceFor = (world: EwsWorld, login: string, as?: string) => world.service(login, DEFAULT_PASSWORD, as);

async function findIn(world: EwsWorld, svc: ews.ExchangeService, folder: string, owner: string): Promise<void> {
  const res = await world.attempt(() => svc.FindItems(folderOf(folder, owner), new ews.ItemView(100)));
  world.results.set('findResults', res);
  world.results.set('items', res?.Items);
}

When('{mailbox} finds items in the {folder} of {mailbox} as a delegate', async function (this: EwsWorld, login: string, folder: string, owner: string) {
  await findIn(this, await serviceFor(this, login), folder, owner);
});

When('{mailbox} impersonating {mailbox} finds items in the {folder} of {mailbox} as a delegate', async function (this: EwsWorld, login: string, as: string, folder: string, owner: string) {
  await findIn(this, await serviceFor(this, login, as), folder, owner);
});

/** The message of `owner`'s folder with this subject, found through `svc`. */
async function messageIn(svc: ews.ExchangeService, folder: string, owner: string, subject: string): Promise<ews.EmailMessage> {
  const res = await svc.FindItems(folderOf(folder, owner), new ews.SearchFilter.IsEqualTo(ews.ItemSchema.Subject, subject), new ews.ItemView(10));
  if (res.Items.length !== 1) throw new Error(`${res.Items.length} messages "${subject}" in the ${folder} of ${owner}`);
  return ews.EmailMessage.Bind(svc, res.Items[0].Id);
}

When('{mailbox} marks the {folder} message {string} of {mailbox} as read as a delegate', async function (this: EwsWorld, login: string, folder: string, subject: string, owner: string) {
  const svc = await serviceFor(this, login);
  await this.attempt(async () => {
    const msg = await messageIn(svc, folder, owner, subject);
    msg.IsRead = true;
    await msg.Update(ews.ConflictResolutionMode.AutoResolve);
  });
});

When('{mailbox} moves the {folder} message {string} of {mailbox} to the {folder} of {mailbox} as a delegate', async function (this: EwsWorld, login: string, folder: string, subject: string, owner: string, target: string, targetOwner: string) {
  const svc = await serviceFor(this, login);
  await this.attempt(async () => (await messageIn(svc, folder, owner, subject)).Move(folderOf(target, targetOwner)));
});

When('{mailbox} saves the draft {string} to {string} in the drafts of {mailbox} as a delegate, then sends it', async function (this: EwsWorld, login: string, subject: string, to: string, owner: string) {
  const svc = await serviceFor(this, login);
  await this.attempt(async () => {
    const msg = new ews.EmailMessage(svc);
    msg.Subject = subject;
    msg.Body = new ews.MessageBody(ews.BodyType.Text, 'Sent from the shared mailbox.');
    msg.ToRecipients.Add(to);
    await msg.Save(folderOf('drafts', owner));
    this.results.set('draft-id', msg.Id.UniqueId);
    await msg.Send();
  });
});

// Sending from another mailbox's address: a new message whose From names it, sent and copied to the
// sender's own Sent Items (EmailMessage.SendAndSaveCopy), as clients send from a shared mailbox.
When('{mailbox} sends {string} to {string} from {mailbox}, keeping a copy', async function (this: EwsWorld, login: string, subject: string, to: string, from: string) {
  const svc = await serviceFor(this, login);
  await this.attempt(async () => {
    const msg = new ews.EmailMessage(svc);
    msg.Subject = subject;
    msg.Body = new ews.MessageBody(ews.BodyType.Text, `Sent from ${from}.`);
    msg.ToRecipients.Add(to);
    msg.From = new ews.EmailAddress(from);
    await msg.SendAndSaveCopy();
  });
});
