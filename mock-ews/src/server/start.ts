import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { createApp } from './app';
import { createLogger, Logger } from './logger';
import { MockState } from './state';
import { DEFAULT_PROFILE, isProfileName, ProfileName, PROFILES } from '../profiles/profiles';
import { loadScenarioFile, DEFAULT_SCENARIO } from '../scenario/load';

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
  close(): Promise<void>;
}

/** Starts a mock in-process (port 0 = any free port) on the given or the default scenario. */
export async function startMock(options: StartOptions = {}): Promise<RunningMock> {
  const log = options.logger ?? createLogger();
  const loaded = await loadScenarioFile(options.scenario ?? DEFAULT_SCENARIO);
  const profileName = options.profile ?? loaded.profile ?? DEFAULT_PROFILE;
  if (!isProfileName(profileName)) throw new Error(`unknown profile ${profileName}`);
  const state = new MockState(loaded.store, PROFILES[profileName], log);
  const app = createApp(state, { bodyLimit: options.bodyLimit });

  let server: http.Server;
  let certificate: string | undefined;
  if (options.tls) {
    const pems =
      typeof options.tls === 'object'
        ? { cert: options.tls.cert, private: options.tls.key }
        : await generate([{ name: 'commonName', value: 'localhost' }], {
            keySize: 2048,
            extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
          } as Parameters<typeof generate>[1]);
    certificate = pems.cert;
    server = https.createServer({ cert: pems.cert, key: pems.private }, app);
  } else {
    server = http.createServer(app);
  }
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const baseUrl = `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`;
  return {
    url: `${baseUrl}/EWS/Exchange.asmx`,
    baseUrl,
    port,
    state,
    certificate,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
