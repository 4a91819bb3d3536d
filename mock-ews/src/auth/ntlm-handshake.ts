import type { Socket } from 'node:net';
import type { Store } from '../store/store';
import type { Account } from '../store/types';
import {
  AuthenticateMessage,
  createChallenge,
  ntlmMessageType,
  NtlmMessageError,
  parseAuthenticate,
  parseNegotiate,
  ServerIdentity,
  verifyNtlmV2,
} from './ntlm';

interface Pending {
  challenge: Buffer;
  flags: number;
  expires: number;
}

export type HandshakeStep =
  /** Answer 401 with this CHALLENGE token. */
  | { kind: 'challenge'; token: string }
  | { kind: 'authenticated'; account: Account }
  | { kind: 'failed'; reason: string };

/** How long a CHALLENGE stays valid when it is not bound to the client's connection. */
const PENDING_TTL_MS = 60_000;
const MAX_PENDING_PER_PEER = 32;

/**
 * The NTLM handshake state of one mock. IIS binds a handshake to the TCP connection and keeps
 * the connection authenticated afterwards; some clients (ews-javascript-api's NTLM helper) send
 * the NEGOTIATE on a body-less request and the AUTHENTICATE on another connection, so a CHALLENGE
 * is also remembered per peer address for a short time and the AUTHENTICATE is matched by trying
 * the peer's open challenges (only the right one verifies).
 */
export class NtlmHandshakes {
  private readonly bySocket = new WeakMap<Socket, Pending>();
  private readonly byPeer = new Map<string, Pending[]>();
  private readonly authenticated = new WeakMap<Socket, string>();

  constructor(private readonly identity: () => ServerIdentity) {}

  /** The account a connection already authenticated as with NTLM, if any. */
  connectionAccount(store: Store, socket: Socket): Account | undefined {
    const smtp = this.authenticated.get(socket);
    return smtp ? store.account(smtp) : undefined;
  }

  step(store: Store, socket: Socket, token: Buffer, now = Date.now()): HandshakeStep {
    try {
      const type = ntlmMessageType(token);
      if (type === 1) return this.negotiate(socket, token, now);
      if (type === 3) return this.authenticate(store, socket, token, now);
      return { kind: 'failed', reason: 'not an NTLM NEGOTIATE or AUTHENTICATE message' };
    } catch (err) {
      if (err instanceof NtlmMessageError) return { kind: 'failed', reason: err.message };
      throw err;
    }
  }

  private negotiate(socket: Socket, token: Buffer, now: number): HandshakeStep {
    const { message, flags, challenge } = createChallenge(parseNegotiate(token), this.identity());
    const pending: Pending = { challenge, flags, expires: now + PENDING_TTL_MS };
    this.bySocket.set(socket, pending);
    this.authenticated.delete(socket);
    const peer = socket.remoteAddress ?? '';
    const list = (this.byPeer.get(peer) ?? []).filter((p) => p.expires > now);
    list.push(pending);
    this.byPeer.set(peer, list.slice(-MAX_PENDING_PER_PEER));
    return { kind: 'challenge', token: message.toString('base64') };
  }

  private authenticate(store: Store, socket: Socket, token: Buffer, now: number): HandshakeStep {
    const own = this.bySocket.get(socket);
    const peer = socket.remoteAddress ?? '';
    const candidates = [...(own && own.expires > now ? [own] : []), ...(this.byPeer.get(peer) ?? []).filter((p) => p !== own && p.expires > now).reverse()];
    if (candidates.length === 0) return { kind: 'failed', reason: 'AUTHENTICATE without a preceding NEGOTIATE' };
    const msg = parseAuthenticate(token, candidates[0].flags);
    const account = accountFor(store, msg);
    if (!account) return this.consume(socket, peer, candidates[0], { kind: 'failed', reason: 'bad user name or password' });
    for (const pending of candidates) {
      if (verifyNtlmV2(parseAuthenticate(token, pending.flags), pending.challenge, account.password)) {
        this.authenticated.set(socket, account.smtp);
        return this.consume(socket, peer, pending, { kind: 'authenticated', account });
      }
    }
    return this.consume(socket, peer, candidates[0], { kind: 'failed', reason: msg.ntResponse.length === 24 ? 'NTLMv1 responses are refused' : 'bad user name or password' });
  }

  /** A challenge answers one AUTHENTICATE only, successful or not. */
  private consume(socket: Socket, peer: string, pending: Pending, result: HandshakeStep): HandshakeStep {
    if (this.bySocket.get(socket) === pending) this.bySocket.delete(socket);
    const list = this.byPeer.get(peer);
    if (list) {
      const rest = list.filter((p) => p !== pending);
      if (rest.length) this.byPeer.set(peer, rest);
      else this.byPeer.delete(peer);
    }
    return result;
  }
}

/** The account an AUTHENTICATE names: user@domain, DOMAIN\user, or a bare user name. */
function accountFor(store: Store, msg: AuthenticateMessage): Account | undefined {
  if (!msg.user) return undefined;
  if (msg.user.includes('@')) return store.accountByLogon(msg.user);
  if (msg.domain) {
    const byDomain = msg.domain.includes('.') ? store.accountByLogon(`${msg.user}@${msg.domain}`) : store.accountByLogon(`${msg.domain}\\${msg.user}`);
    if (byDomain) return byDomain;
  }
  return store.accountByLogon(msg.user);
}
