import { setWorldConstructor, World, IWorldOptions } from '@cucumber/cucumber';
import * as ews from 'ews-javascript-api';
import { startMock, RunningMock, StartOptions } from '../../mock-ews/src/server/start';
import type { ProfileName } from '../../mock-ews/src/profiles/profiles';
import { HttpReply, postSoap, SoapPostOptions } from './soap';

import { DEFAULT_PASSWORD, SUPER_USER } from './accounts';

export { DEFAULT_PASSWORD, SUPER_USER };

/**
 * The state of one scenario: its own mock (port 0, started on first use) and what the last
 * request returned. Steps keep their data here, never in module globals, so scenarios can run
 * in parallel workers.
 */
export class EwsWorld extends World {
  mock?: RunningMock;
  /** Options for the mock this scenario starts; Given steps change them before first use. */
  mockOptions: StartOptions = { port: 0 };
  /** The last raw HTTP exchange. */
  reply?: HttpReply;
  /** The last error thrown by ews-javascript-api, when a step expected one may happen. */
  clientError?: unknown;
  /** Free-form results of the last client call, by name. */
  results = new Map<string, unknown>();

  constructor(options: IWorldOptions) {
    super(options);
  }

  async ensureMock(): Promise<RunningMock> {
    if (!this.mock) this.mock = await startMock(this.mockOptions);
    return this.mock;
  }

  useProfile(profile: ProfileName): void {
    if (this.mock) throw new Error('the profile must be chosen before the mock starts');
    this.mockOptions.profile = profile;
  }

  useScenario(file: string): void {
    if (this.mock) throw new Error('the scenario must be chosen before the mock starts');
    this.mockOptions.scenario = file;
  }

  /** An ews-javascript-api service pointed at this scenario's mock, optionally impersonating. */
  async service(login = SUPER_USER, password = DEFAULT_PASSWORD, impersonate?: string, version = ews.ExchangeVersion.Exchange2010_SP2): Promise<ews.ExchangeService> {
    const mock = await this.ensureMock();
    const svc = new ews.ExchangeService(version);
    svc.Credentials = new ews.WebCredentials(login, password);
    svc.Url = new ews.Uri(mock.url);
    if (impersonate) svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, impersonate);
    return svc;
  }

  /** Posts raw SOAP to the mock's EWS endpoint and keeps the reply. */
  async post(xml: string, options: SoapPostOptions = {}): Promise<HttpReply> {
    const mock = await this.ensureMock();
    this.reply = await postSoap(mock.url, xml, options);
    return this.reply;
  }

  /** Runs a client call; an error is kept for Then steps instead of failing the When step. */
  async attempt<T>(call: () => Promise<T>): Promise<T | undefined> {
    this.clientError = undefined;
    try {
      return await call();
    } catch (err) {
      this.clientError = err;
      return undefined;
    }
  }
}

setWorldConstructor(EwsWorld);
