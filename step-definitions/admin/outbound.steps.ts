import { When } from '@cucumber/cucumber';
import type { MessageData } from '../../mock-ews/src/store/types';
import type { EwsWorld } from '../support/world';

/**
 * Fills the outbound log straight through the store: the caps are about how many messages and
 * bytes the log keeps, and sending a thousand messages over EWS would only slow the scenario.
 */
When('{int} messages of {int} MB each have left for {string}', async function (this: EwsWorld, count: number, mb: number, to: string) {
  const mock = await this.ensureMock();
  const store = mock.state.store;
  for (let i = 1; i <= count; i++) {
    const now = new Date();
    const data: MessageData = {
      subject: `Outbound ${i}`,
      from: { address: 'alice@acme.test' },
      to: [{ address: to }],
      cc: [],
      bcc: [],
      replyTo: [],
      dateTimeSent: now,
      dateTimeReceived: now,
      internetMessageId: `<outbound-${i}@acme.test>`,
      importance: 'Normal',
      isRead: true,
      isDraft: false,
      categories: [],
      body: { text: 'x'.repeat(mb * 1024 * 1024) },
      attachments: [],
      headers: [],
      itemClass: 'IPM.Note',
    };
    store.outbound.add('alice@acme.test', [to], data, 'sent', now);
  }
});
