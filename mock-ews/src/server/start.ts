import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { generate } from 'selfsigned';
import { createListener } from './app';
import { createLogger, Logger } from './logger';
import { MockState } from './state';
import { DEFAULT_PROFILE, isProfileName, ProfileName, PROFILES } from '../profiles/profiles';
import { DEFAULT_SCENARIO } from '../scenario/load';
import { loadScenarioSource, readScenarioSource } from '../admin/scenario-source';
import { createAdminApp } from '../admin/router';
import { AdminClient } from '../client/admin-client';
import { fetchTrusting } from '../client/https-fetch';

export interface StartOptions {
  port?: number;
  host?: string;
  /** Overrides the scenario's profile. */
  profile?: ProfileName;
  /** Scenario file; the built-in default scenario when omitted. */
  scenario?: string;
  tls?: boolean | { cert: string; key: string };
  logger?: Logger;
  bodyLimit?: number;
  /** Bytes of response bodies the request journal keeps (admin/journal.ts JOURNAL_RESPONSE_BYTES). */
  journalResponseBytes?: number;
  /**
   * Timing of notifications: how often an idle GetStreamingEvents connection gets a ConnectionStatus
   * OK (default 25 s) and how long a minute of ConnectionTimeout or of a push StatusFrequency lasts
   * (default 60 s). Tests of a client's reconnect or listener logic shorten both instead of waiting.
   */
  streaming?: { heartbeatMs?: number; minuteMs?: number };
  /** Serve the admin API (/__admin); default true. */
  admin?: boolean;
  /** Serve the admin API on this port instead of the EWS port (0 = any free port). */
  adminPort?: number;
  /** Require `Authorization: Bearer <token>` on every admin route. */
  adminToken?: string;
}

export interface RunningMock {
  /** The EWS endpoint URL. */
  url: string;
  /** Base URL of the server (scheme, host, port). */
  baseUrl: string;
  port: number;
  state: MockState;
  /** The certificate in PEM when serving https, so clients can trust it. */
  certificate?: string;
  /** A client for the admin API; when the mock runs without it, every call fails saying so. */
  admin: AdminClient;
  /** Base URL of the admin API (…/__admin), unless it is disabled. */
  adminUrl?: string;
  close(): Promise<void>;
}

/** Starts a mock in-process (port 0 = any free port) on the given or the default scenario. */
export async function startMock(options: StartOptions = {}): Promise<RunningMock> {
  const budget = options.journalResponseBytes;
  if (budget !== undefined && (!Number.isSafeInteger(budget) || budget < 1)) {
    throw new RangeError(`journalResponseBytes must be a whole number of bytes, at least 1 (got ${budget})`);
  }
  for (const [name, value] of Object.entries(options.streaming ?? {})) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) throw new RangeError(`streaming.${name} must be a whole number of milliseconds, at least 1 (got ${value})`);
  }
  const log = options.logger ?? createLogger();
  const source = readScenarioSource(options.scenario ?? DEFAULT_SCENARIO);
  const loaded = await loadScenarioSource(source);
  const profileName = options.profile ?? loaded.profile ?? DEFAULT_PROFILE;
  if (!isProfileName(profileName)) throw new Error(`unknown profile ${profileName}`);
  const state = new MockState(loaded.store, PROFILES[profileName], log, options.journalResponseBytes);
  state.scenario = source;
  state.streaming = { ...state.streaming, ...definedOnly(options.streaming ?? {}) };
  if (options.profile) state.profileOverride = PROFILES[options.profile];
  const adminEnabled = options.admin !== false;
  const separateAdmin = adminEnabled && options.adminPort !== undefined;
  const adminOptions = { token: options.adminToken };
  const app = createListener(state, { bodyLimit: options.bodyLimit, admin: adminEnabled && !separateAdmin ? adminOptions : false });

  let server: http.Server;
  let adminServer: http.Server | undefined;
  let certificate: string | undefined;
  if (options.tls) {
    const pems =
      typeof options.tls === 'object'
        ? { cert: options.tls.cert, private: options.tls.key }
        : // Loaded only here: a tenth of a second of every start, for a certificate few starts need.
          await (await import('selfsigned')).generate([{ name: 'commonName', value: 'localhost' }], {
            keySize: 2048,
            extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
          } as Parameters<typeof generate>[1]);
    certificate = pems.cert;
    server = https.createServer({ cert: pems.cert, key: pems.private }, app);
    if (separateAdmin) adminServer = https.createServer({ cert: pems.cert, key: pems.private }, createAdminApp(state, adminOptions));
  } else {
    server = http.createServer(app);
    if (separateAdmin) adminServer = http.createServer(createAdminApp(state, adminOptions));
  }
  // IIS keeps idle keep-alive connections for 120 s; Node's 5 s default closes them just as a
  // client reuses the socket after a pause, and that request then never gets an answer.
  for (const s of [server, adminServer]) {
    if (!s) continue;
    s.keepAliveTimeout = 120_000;
    s.headersTimeout = 125_000;
  }
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const scheme = options.tls ? 'https' : 'http';
  const baseUrl = `${scheme}://${urlHost}:${port}`;
  if (adminServer) {
    const s = adminServer;
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(options.adminPort, host, () => resolve());
    });
  }
  const adminUrl = !adminEnabled ? undefined : adminServer ? `${scheme}://${urlHost}:${(adminServer.address() as AddressInfo).port}/__admin` : `${baseUrl}/__admin`;
  const admin = new AdminClient({
    baseUrl: adminUrl ?? baseUrl,
    token: options.adminToken,
    fetch: certificate ? fetchTrusting(certificate) : undefined,
    disabled: adminEnabled ? undefined : 'this mock runs without its admin API (admin: false / --no-admin)',
  });
  const stop = (s: http.Server) =>
    new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    url: `${baseUrl}/EWS/Exchange.asmx`,
    baseUrl,
    port,
    state,
    certificate,
    admin,
    adminUrl,
    close: async () => {
      state.endStoreBound();
      await Promise.all([stop(server), ...(adminServer ? [stop(adminServer)] : [])]);
    },
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
