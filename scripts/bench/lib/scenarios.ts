import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { benchDir } from './report';
import { PASSWORD, SUPER_USER } from './soap';

export const DOMAIN = 'bench.test';

export interface BenchScenario {
  file: string;
  mailboxes: string[];
}

export interface GenerateOptions {
  mailboxes: number;
  perMailbox: number;
  seed?: number;
  bodySize?: number;
  attachmentRate?: number;
  attachmentSize?: number;
}

export const mailboxAddress = (i: number) => `user${String(i + 1).padStart(4, '0')}@${DOMAIN}`;

/**
 * Writes a generated scenario to tmp/bench/: one super-user allowed to impersonate the whole domain
 * and `mailboxes` users whose Inbox holds `perMailbox` generated messages each.
 */
export function writeScenario(name: string, o: GenerateOptions): BenchScenario {
  const mailboxes = Array.from({ length: o.mailboxes }, (_, i) => mailboxAddress(i));
  const spec = {
    name,
    description: `benchmark: ${o.mailboxes} mailbox(es) × ${o.perMailbox} generated messages`,
    profile: 'Exchange2010_SP2',
    domains: [DOMAIN],
    accounts: [
      { smtp: SUPER_USER, password: PASSWORD, displayName: 'Benchmark Service', mailbox: false },
      ...mailboxes.map((smtp, i) => ({ smtp, password: PASSWORD, displayName: `Bench User ${i + 1}` })),
    ],
    grants: [{ account: SUPER_USER, scope: { domains: [DOMAIN] } }],
    mailboxes: mailboxes.map((smtp, i) => ({
      smtp,
      folders: [
        {
          name: 'inbox',
          generate: {
            count: o.perMailbox,
            seed: (o.seed ?? 7) + i,
            ...(o.bodySize !== undefined ? { bodySize: o.bodySize } : {}),
            ...(o.attachmentRate !== undefined ? { attachmentRate: o.attachmentRate } : {}),
            ...(o.attachmentSize !== undefined ? { attachmentSize: o.attachmentSize } : {}),
          },
        },
      ],
    })),
  };
  const file = path.join(benchDir('scenarios'), `${name}.yaml`);
  writeFileSync(file, stringify(spec));
  return { file, mailboxes };
}
