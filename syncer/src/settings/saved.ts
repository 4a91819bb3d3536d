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
  const result = validateSettings(raw, { env, storedPassword: storedSecretFor(raw, existing, box) });
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
      requestTimeoutSeconds: s.requestTimeoutSeconds,
      ...(s.maxMailboxes !== undefined ? { maxMailboxes: s.maxMailboxes } : {}),
      tlsVerify: s.tlsVerify,
      strategy: s.strategy,
      ...authFields(s),
    },
  });
  return result;
}

/**
 * What is stored besides the page fields: the authentication method (absent means basic, as
 * settings saved before it existed), the app registration and the secret's variable name.
 */
function authFields(s: Settings): Record<string, string> {
  const envField = s.auth === 'oauth' ? 'clientSecretEnv' : 'passwordEnv';
  return {
    ...(s.auth !== 'basic' ? { auth: s.auth } : {}),
    ...(s.oauth ? { tenant: s.oauth.tenant, clientId: s.oauth.clientId, authority: s.oauth.authority } : {}),
    ...(s.passwordEnv ? { [envField]: s.passwordEnv } : {}),
  };
}

/** The stored secret in clear for settings about to be validated: only when they use the same method. */
export function storedSecretFor(raw: RawSettings, stored: StoredSettings | undefined, box: SecretBox): string | undefined {
  const method = (a: unknown) => (typeof a === 'string' && a.trim() ? a.trim().toLowerCase() : 'basic');
  if (!stored || method(raw.auth) !== method((stored.options as { auth?: unknown }).auth)) return undefined;
  return storedPassword(stored, box) || undefined;
}

/** Stored settings back in file form (secret left out). */
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
    auth: s.auth,
    ...(s.oauth ? { tenant: s.oauth.tenant, clientId: s.oauth.clientId, authority: s.oauth.authority } : {}),
    login: s.login,
    ...secretView(s),
    domainList: s.domainList,
    attachments: s.attachments,
    concurrency: s.concurrency,
    mailboxTimeBudgetSeconds: s.mailboxTimeBudgetSeconds,
    maxRunSeconds: s.maxRunSeconds,
    requestTimeoutSeconds: s.requestTimeoutSeconds,
    ...(s.maxMailboxes !== undefined ? { maxMailboxes: s.maxMailboxes } : {}),
    tlsVerify: s.tlsVerify,
    strategy: s.strategy,
  };
}

/** The secret as shown: the variable it comes from, or a mask; never the value. */
function secretView(s: Settings): Record<string, string> {
  const [field, envField] = s.auth === 'oauth' ? ['clientSecret', 'clientSecretEnv'] : ['password', 'passwordEnv'];
  return s.passwordEnv ? { [envField]: s.passwordEnv } : { [field]: s.password ? '********' : '(none)' };
}
