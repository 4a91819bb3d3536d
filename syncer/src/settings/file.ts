import { readFileSync, statSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import type { RawSettings, Violation } from './types';

/** Reads a settings YAML file; a file that is not a YAML mapping comes back as a violation. */
export function readSettingsFile(path: string): { raw?: RawSettings; violations: Violation[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { violations: [{ field: '(file)', rule: 'readable', message: `cannot read settings file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }] };
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    // The parser's message quotes the offending line, which may hold the password: report only where.
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}, column ${err.linePos[0].col}` : '';
    return { violations: [{ field: '(file)', rule: 'yaml', message: `settings file ${path} is not valid YAML${where}` }] };
  }
  if (doc === null || doc === undefined) return { raw: {}, violations: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    return { violations: [{ field: '(file)', rule: 'yaml', message: `settings file ${path} must be a YAML mapping of fields (enabled, server, version, login, password, domainList, …)` }] };
  }
  return { raw: doc as RawSettings, violations: [] };
}

/**
 * A warning when a settings file holding a password (not passwordEnv) can be read by other users
 * of the machine: group- or world-readable. Undefined when there is nothing to warn about (or on
 * platforms without POSIX modes).
 */
export function exposedPasswordWarning(path: string, raw: RawSettings | undefined): string | undefined {
  if (!raw || typeof raw.password !== 'string' || raw.password === '' || process.platform === 'win32') return undefined;
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
  if ((mode & 0o044) === 0) return undefined;
  const who = mode & 0o004 ? 'every user of this machine' : 'its group';
  return `warning: ${path} holds the password and is readable by ${who} (mode ${mode.toString(8).padStart(3, '0')}); run "chmod 600 ${path}" or use passwordEnv`;
}
