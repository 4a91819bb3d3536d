import { Presets, SingleBar } from 'cli-progress';

/** A progress bar on stderr for terminals: mailboxes done out of selected, and emails imported. */
export function createProgress() {
  const bar = new SingleBar(
    { format: 'mailboxes {bar} {value}/{total} | {emails} emails | {last}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  let emails = 0;
  let started = false;
  return {
    start(total: number) {
      bar.start(total, 0, { emails, last: '' });
      started = true;
    },
    mailboxDone(email: string, ok: boolean) {
      bar.increment(1, { emails, last: `${email} ${ok ? 'ok' : 'FAILED'}` });
    },
    emails(n: number) {
      emails += n;
      if (started) bar.update({ emails });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
