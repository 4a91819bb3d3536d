import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { UserInput } from '../db/storage';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads application users from YAML (`users: [{ name, emails: [...] }]`) or CSV (`name,email` rows,
 * a header row optional; several rows per name add addresses). Every problem is reported with its place.
 */
export function readUsersFile(path: string): { users: UserInput[]; errors: string[] } {
  const text = readFileSync(path, 'utf8');
  const errors: string[] = [];
  const byName = new Map<string, Set<string>>();
  const add = (name: unknown, email: unknown, where: string) => {
    if (typeof name !== 'string' || !name.trim()) return errors.push(`${where}: name is missing`);
    if (typeof email !== 'string' || !EMAIL.test(email.trim())) return errors.push(`${where}: "${String(email ?? '')}" is not an email address`);
    const set = byName.get(name.trim()) ?? new Set<string>();
    set.add(email.trim().toLowerCase());
    byName.set(name.trim(), set);
  };
  if (extname(path).toLowerCase() === '.csv') {
    const rows = parseCsv(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
    rows.forEach((row, i) => {
      if (i === 0 && row[0]?.toLowerCase() === 'name' && row[1]?.toLowerCase() === 'email') return;
      add(row[0], row[1], `line ${i + 1}`);
    });
  } else {
    const doc = parseYaml(text) as { users?: unknown } | null;
    if (!doc || !Array.isArray(doc.users)) return { users: [], errors: ['the file must have a "users" list'] };
    doc.users.forEach((u: unknown, i: number) => {
      const user = (u ?? {}) as { name?: unknown; emails?: unknown };
      if (!Array.isArray(user.emails) || user.emails.length === 0) {
        errors.push(`users[${i}]: emails must be a non-empty list`);
        return;
      }
      user.emails.forEach((e, j) => add(user.name, e, `users[${i}].emails[${j}]`));
    });
  }
  return { users: [...byName].map(([name, emails]) => ({ name, emails: [...emails] })), errors };
}
