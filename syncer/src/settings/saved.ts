import type { StoredSettings, SyncStorage } from '../db/storage';
import type { SecretBox } from '../db/secret-box';
import type { RawSettings, Settings } from './types';
import { validateSettings, ValidationResult } from './validate';

/** The stored password in clear, or '' when none is stored. */
function storedPassword(stored: StoredSettings | undefined, box: SecretBox): string {
  return stored?.passwordSealed ? box.open(stored.passwordSealed) : '';
}

/**
 * Validates and saves settings. Invalid settings change nothing; an empty password keeps the stored
 * one; a password taken from the environment is stored as the variable's name, never its value.
 */
export function saveSettings(storage: SyncStorage, box: SecretBox, raw: RawSettings, env: NodeJS.ProcessEnv = process.env): ValidationResult {
  const existing = storage.loadSettings();
  const result = validateSettings(raw, { env, storedPassword: storedPassword(existing, box) });
  const s = result.settings;
  if (!s) return result;
  storage.saveSettings({
    enabled: s.enabled,
    server: s.server,
    version: s.version,
    login: s.login,
    passwordSealed: s.passwordEnv || !s.password ? '' : box.seal(s.password),
    domainList: s.domainList,
    options: {
      attachments: s.attachments,
      concurrency: s.concurrency,
      mailboxTimeBudgetSeconds: s.mailboxTimeBudgetSeconds,
      maxRunSeconds: s.maxRunSeconds,
      ...(s.maxMailboxes !== undefined ? { maxMailboxes: s.maxMailboxes } : {}),
      tlsVerify: s.tlsVerify,
      strategy: s.strategy,
      ...(s.passwordEnv ? { passwordEnv: s.passwordEnv } : {}),
    },
  });
  return result;
}

/** Stored settings back in file form (password left out). */
export function storedAsRaw(stored: StoredSettings): RawSettings {
  const { passwordEnv, ...options } = stored.options as { passwordEnv?: string };
  return {
    enabled: stored.enabled,
    server: stored.server || undefined,
    version: stored.version || undefined,
    login: stored.login || undefined,
    ...(passwordEnv ? { passwordEnv } : {}),
    domainList: stored.domainList,
    ...options,
  };
}

/** The saved settings, re-validated (a passwordEnv variable may have gone since). */
export function loadSavedSettings(storage: SyncStorage, box: SecretBox, env: NodeJS.ProcessEnv = process.env): ValidationResult | undefined {
  const stored = storage.loadSettings();
  if (!stored) return undefined;
  return validateSettings(storedAsRaw(stored), { env, storedPassword: storedPassword(stored, box) });
}

/** Settings for display: the password masked, never shown. */
export function maskedView(s: Settings): Record<string, unknown> {
  return {
    enabled: s.enabled,
    server: s.server,
    endpoint: s.endpoint,
    version: s.version,
    login: s.login,
    ...(s.passwordEnv ? { passwordEnv: s.passwordEnv } : { password: s.password ? '********' : '(none)' }),
    domainList: s.domainList,
    attachments: s.attachments,
    concurrency: s.concurrency,
    mailboxTimeBudgetSeconds: s.mailboxTimeBudgetSeconds,
    maxRunSeconds: s.maxRunSeconds,
    ...(s.maxMailboxes !== undefined ? { maxMailboxes: s.maxMailboxes } : {}),
    tlsVerify: s.tlsVerify,
    strategy: s.strategy,
  };
}
