import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Encrypts secrets at rest with AES-256-GCM. The key comes from EWS_SYNC_KEY (64 hex characters,
 * base64 of 32 bytes, or any passphrase, which is stretched with scrypt), else from the key file
 * EWS_SYNC_KEY_FILE, else from `<database>.key` beside the database, created (mode 0600) on first use.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer, readonly source: string) {}

  static fromEnvironment(keyFileDefault: string, env: NodeJS.ProcessEnv = process.env): SecretBox {
    const fromEnv = env.EWS_SYNC_KEY;
    if (fromEnv) return new SecretBox(deriveKey(fromEnv), 'EWS_SYNC_KEY');
    const keyFile = env.EWS_SYNC_KEY_FILE || keyFileDefault;
    if (!existsSync(keyFile)) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
      chmodSync(keyFile, 0o600);
    }
    return new SecretBox(deriveKey(readFileSync(keyFile, 'utf8').trim()), keyFile);
  }

  /** `v1:<iv>:<tag>:<ciphertext>`, all base64. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  open(sealed: string): string {
    const [v, iv, tag, data] = sealed.split(':');
    if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('stored secret is not in a known format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(`the stored password cannot be decrypted with the key from ${this.source}; was the key changed?`);
    }
  }
}

function deriveKey(material: string): Buffer {
  if (/^[0-9a-f]{64}$/i.test(material)) return Buffer.from(material, 'hex');
  const b64 = Buffer.from(material, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/]{43}=?$/.test(material)) return b64;
  return scryptSync(material, 'ews-sync settings key', 32);
}
