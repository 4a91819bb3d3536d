import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import md4 from 'js-md4';

/**
 * NTLM messages (MS-NLMP) as a server sees them: it reads NEGOTIATE (Type 1) and AUTHENTICATE
 * (Type 3) messages, writes CHALLENGE (Type 2) messages and verifies NTLMv2 responses against a
 * password. NTLMv1 responses are refused, as a domain at LmCompatibilityLevel 5 refuses them.
 */

const SIGNATURE = Buffer.from('NTLMSSP\0', 'ascii');

export const NTLM_FLAGS = {
  UNICODE: 0x00000001,
  OEM: 0x00000002,
  REQUEST_TARGET: 0x00000004,
  NTLM: 0x00000200,
  ALWAYS_SIGN: 0x00008000,
  TARGET_TYPE_DOMAIN: 0x00010000,
  EXTENDED_SESSIONSECURITY: 0x00080000,
  TARGET_INFO: 0x00800000,
  VERSION: 0x02000000,
  KEY_128: 0x20000000,
  KEY_56: 0x80000000,
} as const;

export class NtlmMessageError extends Error {}

export interface NegotiateMessage {
  type: 1;
  flags: number;
}

export interface AuthenticateMessage {
  type: 3;
  flags: number;
  ntResponse: Buffer;
  domain: string;
  user: string;
  workstation: string;
}

/** Reads the type of a base64 NTLM token, or undefined when it is not an NTLMSSP message. */
export function ntlmMessageType(token: Buffer): number | undefined {
  if (token.length < 12 || !token.subarray(0, 8).equals(SIGNATURE)) return undefined;
  return token.readUInt32LE(8);
}

export function parseNegotiate(buf: Buffer): NegotiateMessage {
  if (ntlmMessageType(buf) !== 1 || buf.length < 16) throw new NtlmMessageError('not an NTLM NEGOTIATE message');
  return { type: 1, flags: buf.readUInt32LE(12) };
}

function securityBuffer(buf: Buffer, at: number): Buffer {
  if (at + 8 > buf.length) throw new NtlmMessageError('truncated NTLM message');
  const len = buf.readUInt16LE(at);
  const offset = buf.readUInt32LE(at + 4);
  if (len === 0) return Buffer.alloc(0);
  if (offset + len > buf.length) throw new NtlmMessageError('NTLM field points outside the message');
  return buf.subarray(offset, offset + len);
}

/**
 * Reads an AUTHENTICATE message. Strings are UTF-16LE when the negotiated flags say Unicode,
 * OEM (here: latin1) otherwise; `fallbackFlags` are the flags of our CHALLENGE when the client
 * wrote none.
 */
export function parseAuthenticate(buf: Buffer, fallbackFlags: number): AuthenticateMessage {
  if (ntlmMessageType(buf) !== 3 || buf.length < 52) throw new NtlmMessageError('not an NTLM AUTHENTICATE message');
  // Flags exist when the payload starts after them (offset 64); older clients omit them.
  const firstPayload = Math.min(...[12, 20, 28, 36, 44].map((at) => buf.readUInt32LE(at + 4)).filter((o) => o > 0));
  const flags = buf.length >= 64 && firstPayload >= 64 ? buf.readUInt32LE(60) : fallbackFlags;
  const unicode = (flags & NTLM_FLAGS.UNICODE) !== 0;
  const str = (b: Buffer) => b.toString(unicode ? 'utf16le' : 'latin1');
  return {
    type: 3,
    flags,
    ntResponse: Buffer.from(securityBuffer(buf, 20)),
    domain: str(securityBuffer(buf, 28)),
    user: str(securityBuffer(buf, 36)),
    workstation: str(securityBuffer(buf, 44)),
  };
}

export interface ServerIdentity {
  /** NetBIOS domain, e.g. ACME. */
  netbiosDomain: string;
  /** NetBIOS computer name, e.g. EXCH01. */
  netbiosComputer: string;
  dnsDomain: string;
  dnsComputer: string;
}

function avPair(id: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(value.length, 2);
  return Buffer.concat([head, value]);
}

/** Windows FILETIME (100 ns ticks since 1601) of a date, little-endian. */
function filetime(date: Date): Buffer {
  const ticks = (BigInt(date.getTime()) + 11_644_473_600_000n) * 10_000n;
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(ticks);
  return b;
}

/**
 * Builds a CHALLENGE message answering `negotiate`: Unicode when the client offers it, OEM
 * otherwise, with target information so that clients compute NTLMv2 responses.
 */
export function createChallenge(negotiate: NegotiateMessage, server: ServerIdentity, challenge = randomBytes(8), now = new Date()): { message: Buffer; flags: number; challenge: Buffer } {
  const unicode = (negotiate.flags & NTLM_FLAGS.UNICODE) !== 0;
  let flags =
    (unicode ? NTLM_FLAGS.UNICODE : NTLM_FLAGS.OEM) |
    NTLM_FLAGS.REQUEST_TARGET |
    NTLM_FLAGS.NTLM |
    NTLM_FLAGS.ALWAYS_SIGN |
    NTLM_FLAGS.TARGET_TYPE_DOMAIN |
    NTLM_FLAGS.EXTENDED_SESSIONSECURITY |
    NTLM_FLAGS.TARGET_INFO |
    NTLM_FLAGS.VERSION;
  flags |= negotiate.flags & (NTLM_FLAGS.KEY_128 | NTLM_FLAGS.KEY_56);
  const enc = (s: string) => Buffer.from(s, unicode ? 'utf16le' : 'latin1');
  const u16 = (s: string) => Buffer.from(s, 'utf16le');
  const targetName = enc(server.netbiosDomain);
  const targetInfo = Buffer.concat([
    avPair(2, u16(server.netbiosDomain)),
    avPair(1, u16(server.netbiosComputer)),
    avPair(4, u16(server.dnsDomain)),
    avPair(3, u16(server.dnsComputer)),
    avPair(7, filetime(now)),
    avPair(0, Buffer.alloc(0)),
  ]);
  const header = Buffer.alloc(56);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(targetName.length, 12);
  header.writeUInt16LE(targetName.length, 14);
  header.writeUInt32LE(56, 16);
  header.writeUInt32LE(flags >>> 0, 20);
  challenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(56 + targetName.length, 44);
  // Version: Windows Server 2016 (10.0.14393), NTLM revision 15.
  header.writeUInt8(10, 48);
  header.writeUInt8(0, 49);
  header.writeUInt16LE(14393, 50);
  header.writeUInt8(15, 55);
  return { message: Buffer.concat([header, targetName, targetInfo]), flags: flags >>> 0, challenge };
}

/** NT one-way function v2: HMAC-MD5 over UPPER(user)+domain, keyed with the NT hash (MD4) of the password. */
export function ntowfv2(password: string, user: string, domain: string): Buffer {
  const ntHash = Buffer.from(md4.arrayBuffer(Buffer.from(password, 'utf16le')));
  return createHmac('md5', ntHash).update(Buffer.from(user.toUpperCase() + domain, 'utf16le')).digest();
}

/**
 * True when the AUTHENTICATE message's NTLMv2 response was computed from `password` and our
 * server challenge. The response is NTProofStr (16 bytes) followed by the client's blob.
 */
export function verifyNtlmV2(msg: AuthenticateMessage, serverChallenge: Buffer, password: string): boolean {
  if (msg.ntResponse.length <= 24) return false;
  const proof = msg.ntResponse.subarray(0, 16);
  const blob = msg.ntResponse.subarray(16);
  const key = ntowfv2(password, msg.user, msg.domain);
  const expected = createHmac('md5', key).update(Buffer.concat([serverChallenge, blob])).digest();
  return timingSafeEqual(expected, proof);
}
