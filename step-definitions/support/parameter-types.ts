import { defineParameterType } from '@cucumber/cucumber';

/** {mailbox}: an SMTP address such as alice@acme.test. */
defineParameterType({
  name: 'mailbox',
  regexp: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/,
  transformer: (s: string) => s.toLowerCase(),
});

/**
 * {folder}: a distinguished folder name (inbox, sentitems, …) or a quoted path of display names
 * from the top of the mailbox, e.g. "Inbox/Projects".
 */
defineParameterType({
  name: 'folder',
  regexp: /root|msgfolderroot|inbox|sentitems|drafts|deleteditems|junkemail|outbox|"[^"]+"/,
  transformer: (s: string) => s.replace(/^"|"$/g, ''),
});

/** {profile}: an Exchange generation the mock can emulate. */
defineParameterType({
  name: 'profile',
  regexp: /Exchange2007_SP1|Exchange2007|Exchange2010_SP2|Exchange2010_SP1|Exchange2010|Exchange2013_SP1|Exchange2013|Exchange2016|Exchange2019|ExchangeOnline/,
  transformer: (s: string) => s,
});
