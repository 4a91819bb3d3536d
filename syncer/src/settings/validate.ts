import { isHostName, resolveEndpoint } from './server';
import { AUTH_METHODS, AuthMethod, DEFAULT_OPTIONS, RawSettings, Settings, SyncStrategy, Violation } from './types';
import { findGeneration, VERSION_LABELS } from './versions';
import { OAUTH_FIELDS, validateOAuth } from './oauth';

/** The ranges of the run options, one place for the settings file and the run command's flags. */
export const OPTION_RANGES: Readonly<Record<'concurrency' | 'maxRunSeconds' | 'maxMailboxes' | 'minIntervalMinutes', { min: number; max: number; also?: readonly number[] }>> = {
  concurrency: { min: 1, max: 100 },
  maxRunSeconds: { min: 1, max: 7 * 86_400, also: [-1] },
  maxMailboxes: { min: 1, max: 1_000_000 },
  minIntervalMinutes: { min: 0, max: 10_080 },
};

/** The Version the settings page offers first (the reference's default). */
const DEFAULT_VERSION = '2010';
const PAGE_FIELDS = ['enabled', 'server', 'version', 'auth', 'login', 'password', 'passwordEnv', ...OAUTH_FIELDS, 'domainList'];
const OPTION_FIELDS = ['attachments', 'concurrency', 'mailboxTimeBudgetSeconds', 'maxRunSeconds', 'requestTimeoutSeconds', 'maxMailboxes', 'minIntervalMinutes', 'tlsVerify', 'strategy'];
const STRATEGIES: SyncStrategy[] = ['sync-state', 'find-item'];

const LOGIN_UPN = /^[^\s@\\]+@[^\s@\\]+$/;
const LOGIN_DOWN_LEVEL = /^[A-Za-z0-9][A-Za-z0-9._-]*\\[^\s@\\/]+$/;
const LOGIN_BARE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ValidationResult {
  settings?: Settings;
  violations: Violation[];
}

/** Splits the Domain List as the settings page does: items separated by commas (or given as a list), trimmed, empties dropped. */
export function splitDomainList(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(',');
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
  return undefined;
}

/**
 * Checks settings against every rule and returns all violations at once, so a person can fix a
 * file in one go. The password is never part of a message.
 */
export function validateSettings(
  raw: RawSettings,
  options: { env?: NodeJS.ProcessEnv; storedPassword?: string } = {},
): ValidationResult {
  const env = options.env ?? process.env;
  const violations: Violation[] = [];
  const add = (field: string, rule: string, message: string) => violations.push({ field, rule, message });

  for (const field of Object.keys(raw)) {
    if (!PAGE_FIELDS.includes(field) && !OPTION_FIELDS.includes(field)) {
      add(field, 'unknown', `"${field}" is not a settings field; known fields are ${[...PAGE_FIELDS, ...OPTION_FIELDS].join(', ')}`);
    }
  }

  const str = (field: string): string | undefined => {
    const v = raw[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && field !== 'password') return String(v);
    if (typeof v !== 'string') {
      add(field, 'type', `${field} must be text`);
      return undefined;
    }
    return v.trim();
  };

  let enabled = false;
  if (raw.enabled !== undefined && raw.enabled !== null) {
    if (typeof raw.enabled === 'boolean') enabled = raw.enabled;
    else add('enabled', 'type', 'enabled must be true or false');
  }
  const required = (field: string, value: string | undefined, what: string): boolean => {
    if (value) return true;
    if (enabled) add(field, 'required', `${what} is required when the integration is enabled`);
    return false;
  };

  // Server
  const server = str('server') ?? '';
  let endpoint = '';
  if (required('server', server, 'server')) {
    const resolved = resolveEndpoint(server);
    if ('url' in resolved) endpoint = resolved.url;
    else add('server', resolved.rule, resolved.message);
  }

  // Version: the settings page preselects Exchange 2010, so a file that names none means it.
  const versionValue = str('version') || DEFAULT_VERSION;
  const generation = findGeneration(versionValue);
  if (!generation) add('version', 'one-of', `version "${versionValue}" is not offered; choose one of ${VERSION_LABELS.join(', ')}`);

  // Authentication: basic (the default, as the settings page always did), ntlm or oauth
  let auth: AuthMethod = 'basic';
  const authValue = str('auth');
  if (authValue) {
    const lower = authValue.toLowerCase() as AuthMethod;
    if (AUTH_METHODS.includes(lower)) auth = lower;
    else add('auth', 'one-of', `auth "${authValue}" is not offered; choose one of ${AUTH_METHODS.join(', ')}`);
  }
  const oauth = validateOAuth(raw, { auth, enabled, generation, endpoint, str, add });

  // Login
  const login = str('login') ?? '';
  if (required('login', login, 'login')) {
    if (auth === 'oauth') {
      // An app has no mailbox of its own: the connection check opens this one, impersonated.
      if (!LOGIN_UPN.test(login) || !isHostName(login.split('@')[1])) {
        add('login', 'format', `with auth oauth, login is the mailbox the connection check opens and must be user@domain, not "${login}"`);
      }
    } else if (!(LOGIN_UPN.test(login) || LOGIN_DOWN_LEVEL.test(login) || LOGIN_BARE.test(login))) {
      add('login', 'format', `login "${login}" must be user@domain, DOMAIN\\user or a bare user name`);
    } else if (LOGIN_UPN.test(login) && !isHostName(login.split('@')[1])) {
      add('login', 'format', `login "${login}" must be user@domain with a valid domain after @`);
    }
  }

  // The secret (password, or the app's client secret with oauth), or the name of an environment
  // variable holding it. The other method's fields must stay empty, so a secret is never sent to
  // a place it was not meant for.
  const [secretField, envField] = auth === 'oauth' ? ['clientSecret', 'clientSecretEnv'] : ['password', 'passwordEnv'];
  const [otherSecret, otherEnv] = auth === 'oauth' ? ['password', 'passwordEnv'] : ['clientSecret', 'clientSecretEnv'];
  for (const field of [otherSecret, otherEnv]) {
    const v = raw[field];
    if (v !== undefined && v !== null && v !== '') {
      add(field, 'not-used', auth === 'oauth' ? `${field} is not used with auth oauth; give clientSecret or clientSecretEnv` : `${field} is used only with auth oauth`);
    }
  }
  let password = '';
  const passwordEnv = str(envField);
  const rawPassword = raw[secretField];
  if (rawPassword !== undefined && rawPassword !== null && typeof rawPassword !== 'string') {
    add(secretField, 'type', `${secretField} must be text (quote it in YAML)`);
  }
  const givenPassword = typeof rawPassword === 'string' ? rawPassword : '';
  if (givenPassword && passwordEnv) {
    add(secretField, 'exclusive', `give either ${secretField} or ${envField}, not both`);
  } else if (passwordEnv !== undefined) {
    if (!ENV_NAME.test(passwordEnv)) {
      add(envField, 'format', `${envField} "${passwordEnv}" is not an environment variable name`);
    } else if (!env[passwordEnv]) {
      add(envField, 'unset', `${envField} names ${passwordEnv}, which is not set (or empty) in the environment`);
    } else {
      password = env[passwordEnv]!;
    }
  } else {
    // An empty password field keeps the stored one, as on the settings page.
    password = givenPassword || options.storedPassword || '';
    if (!password && enabled) add(secretField, 'required', `${secretField} is required when the integration is enabled (give ${secretField} or ${envField})`);
  }

  // Domain list
  const domainList: string[] = [];
  const items = splitDomainList(raw.domainList);
  if (items === undefined) {
    add('domainList', 'type', 'domainList must be a comma-separated string or a list of domains');
  } else {
    items.forEach((item, i) => {
      if (typeof item !== 'string') {
        add(`domainList[${i}]`, 'type', `domainList item ${i + 1} must be text`);
        return;
      }
      const domain = item.trim().toLowerCase().replace(/\.$/, '');
      if (!domain) return;
      if (domain.includes('@')) {
        add('domainList', 'format', `"${item.trim()}" is an email address; domainList takes domains such as ${domain.split('@')[1] || 'example.com'}`);
      } else if (!isHostName(domain) || !domain.includes('.') || /^[0-9.]+$/.test(domain)) {
        add('domainList', 'format', `"${item.trim()}" is not a valid domain name (e.g. example.com)`);
      } else if (!domainList.includes(domain)) {
        domainList.push(domain);
      }
    });
    const hasFormatError = violations.some((v) => v.field.startsWith('domainList'));
    if (enabled && domainList.length === 0 && !hasFormatError) {
      add('domainList', 'required', 'domainList must name at least one domain when the integration is enabled');
    }
  }

  // Syncer options
  const opts = { ...DEFAULT_OPTIONS, attachments: { ...DEFAULT_OPTIONS.attachments } };
  const int = (field: string, value: unknown, min: number, max: number, rule: string, message: string): number | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      add(field, rule, message);
      return undefined;
    }
    return value;
  };
  opts.concurrency = int('concurrency', raw.concurrency, OPTION_RANGES.concurrency.min, OPTION_RANGES.concurrency.max, 'range', 'concurrency must be a whole number from 1 to 100') ?? opts.concurrency;
  opts.mailboxTimeBudgetSeconds =
    int('mailboxTimeBudgetSeconds', raw.mailboxTimeBudgetSeconds, 1, 86_400, 'range', 'mailboxTimeBudgetSeconds must be a whole number of seconds from 1 to 86400') ??
    opts.mailboxTimeBudgetSeconds;
  if (raw.maxRunSeconds === -1) opts.maxRunSeconds = -1;
  else {
    opts.maxRunSeconds =
      int('maxRunSeconds', raw.maxRunSeconds, OPTION_RANGES.maxRunSeconds.min, OPTION_RANGES.maxRunSeconds.max, 'range', 'maxRunSeconds must be -1 (unlimited) or a whole number of seconds from 1 to 604800') ??
      opts.maxRunSeconds;
  }
  opts.requestTimeoutSeconds =
    int('requestTimeoutSeconds', raw.requestTimeoutSeconds, 1, 600, 'range', 'requestTimeoutSeconds must be a whole number of seconds from 1 to 600') ??
    opts.requestTimeoutSeconds;
  opts.minIntervalMinutes =
    int('minIntervalMinutes', raw.minIntervalMinutes, OPTION_RANGES.minIntervalMinutes.min, OPTION_RANGES.minIntervalMinutes.max, 'range', 'minIntervalMinutes must be a whole number of minutes from 0 to 10080') ?? opts.minIntervalMinutes;
  const maxMailboxes = int('maxMailboxes', raw.maxMailboxes, OPTION_RANGES.maxMailboxes.min, OPTION_RANGES.maxMailboxes.max, 'range', 'maxMailboxes must be a whole number of at least 1');
  if (maxMailboxes !== undefined) opts.maxMailboxes = maxMailboxes;
  if (raw.tlsVerify !== undefined && raw.tlsVerify !== null) {
    if (typeof raw.tlsVerify === 'boolean') opts.tlsVerify = raw.tlsVerify;
    else add('tlsVerify', 'type', 'tlsVerify must be true or false');
  }
  if (raw.strategy !== undefined && raw.strategy !== null) {
    if (STRATEGIES.includes(raw.strategy as SyncStrategy)) opts.strategy = raw.strategy as SyncStrategy;
    else add('strategy', 'one-of', `strategy must be one of ${STRATEGIES.join(', ')}`);
  }
  if (raw.attachments !== undefined && raw.attachments !== null) {
    const a = raw.attachments;
    if (typeof a !== 'object' || Array.isArray(a)) {
      add('attachments', 'type', 'attachments must be a mapping with enabled and maxSizeBytes');
    } else {
      const att = a as Record<string, unknown>;
      for (const k of Object.keys(att)) {
        if (k !== 'enabled' && k !== 'maxSizeBytes') add(`attachments.${k}`, 'unknown', `"attachments.${k}" is not a settings field; known fields are attachments.enabled, attachments.maxSizeBytes`);
      }
      if (att.enabled !== undefined) {
        if (typeof att.enabled === 'boolean') opts.attachments.enabled = att.enabled;
        else add('attachments.enabled', 'type', 'attachments.enabled must be true or false');
      }
      opts.attachments.maxSizeBytes =
        int('attachments.maxSizeBytes', att.maxSizeBytes, 0, Number.MAX_SAFE_INTEGER, 'range', 'attachments.maxSizeBytes must be a whole number of bytes, 0 or more') ??
        opts.attachments.maxSizeBytes;
    }
  }

  // Belt and braces: no message may carry the password, whatever field it was typed into.
  for (const secret of new Set([password, raw.password, raw.clientSecret])) {
    if (typeof secret === 'string' && secret) for (const v of violations) v.message = maskWhole(v.message, secret);
  }

  if (violations.length > 0) return { violations };
  return {
    violations,
    settings: {
      ...opts,
      enabled,
      server,
      endpoint,
      version: generation?.label ?? '',
      generation,
      auth,
      ...(oauth ? { oauth } : {}),
      login,
      password,
      passwordEnv,
      domainList,
    },
  };
}

/**
 * `secret` masked in a message. A long secret, or one with a digit or a sign, is masked wherever it
 * appears (typed into another field, it may be part of that field's value). A short word of letters
 * only is masked only where it stands alone: a one-letter password must not star out every word
 * holding that letter, which would garble the message and, by where the stars fall, tell it.
 */
function maskWhole(message: string, secret: string): string {
  if (secret.length >= 8 || /[^A-Za-z]/.test(secret)) return message.split(secret).join('********');
  return message.replace(new RegExp(`(?<![A-Za-z])${secret}(?![A-Za-z])`, 'g'), '********');
}
