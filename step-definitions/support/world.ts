import { setWorldConstructor, World, IWorldOptions } from '@cucumber/cucumber';
import * as ews from 'ews-javascript-api';
import { startMock, RunningMock, StartOptions } from '../../mock-ews/src/server/start';
import type { ProfileName } from '../../mock-ews/src/profiles/profiles';
import { HttpReply, postSoap, sendSoap, SoapPostOptions } from './soap';
import { externalTarget, ExternalTarget, targetAddress, targetCredentials, translateAddresses } from './target';
import type { AdminClient } from '../../mock-ews/src/client/admin-client';

import { DEFAULT_PASSWORD, SUPER_USER } from './accounts';
import { defaultRequestVersion } from './default-version';
import { impersonates, onlineBearer, onlineCredentials } from '../profiles/online-credentials';

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
  /** Set when the suite runs against another EWS server (EWS_TARGET_URL); see support/target.ts. */
  readonly target: ExternalTarget | undefined = externalTarget();

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

  /** The EWS endpoint under test: EWS_TARGET_URL when set, else this scenario's mock. */
  async ewsUrl(): Promise<string> {
    return this.target ? this.target.url : (await this.ensureMock()).url;
  }

  /** The admin API client of this scenario's mock (scenarios using it are tagged @needs-admin). */
  async admin(): Promise<AdminClient> {
    if (this.target) throw new Error('the admin API exists only on the mock; tag this scenario @needs-admin');
    return (await this.ensureMock()).admin;
  }

  /** An ews-javascript-api service pointed at this scenario's mock, optionally impersonating. */
  async service(login = SUPER_USER, password = DEFAULT_PASSWORD, impersonate?: string, version?: ews.ExchangeVersion): Promise<ews.ExchangeService> {
    const url = await this.ewsUrl();
    const t = this.target;
    // The same default as raw SOAP (default-version.ts); EWS_TARGET_VERSION overrides it for a real server.
    const fallback = ews.ExchangeVersion[defaultRequestVersion() as keyof typeof ews.ExchangeVersion];
    const harnessDefault = version === undefined || version === ews.ExchangeVersion.Exchange2010_SP2;
    const asked = t?.version && harnessDefault ? (ews.ExchangeVersion[t.version as keyof typeof ews.ExchangeVersion] ?? fallback) : (version ?? fallback);
    // The client library starts at Exchange2007_SP1: its scenarios carry @since:Exchange2007_SP1.
    if (asked === undefined) throw new Error(`ews-javascript-api cannot ask for ${defaultRequestVersion()}; tag the scenario @since:Exchange2007_SP1`);
    const svc = new ews.ExchangeService(asked);
    const [user, secret] = t ? targetCredentials(t, login, password) : [login, password];
    // Exchange Online refuses Basic: the same credentials as the tokens a real integration holds.
    svc.Credentials = (this.mock && !t && (await onlineCredentials(this.mock, login, password, svc))) || new ews.WebCredentials(user, secret);
    svc.Url = new ews.Uri(url);
    if (impersonate) svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, t ? targetAddress(t, impersonate) : impersonate);
    return svc;
  }

  /** Posts raw SOAP to the endpoint under test and keeps the reply. */
  async post(xml: string, options: SoapPostOptions = {}): Promise<HttpReply> {
    const request = await this.authorized(xml, options);
    this.reply = await postSoap(request.url, request.xml, request.options);
    return this.reply;
  }

  /** Sends raw SOAP as post() does and answers the response unread (a streamed answer). */
  async send(xml: string, options: SoapPostOptions = {}): Promise<Response> {
    const request = await this.authorized(xml, options);
    return sendSoap(request.url, request.xml, request.options);
  }

  /** The URL, body and credentials a raw request goes with: a real server's, or the mock's (Bearer for Exchange Online). */
  private async authorized(xml: string, options: SoapPostOptions): Promise<{ url: string; xml: string; options: SoapPostOptions }> {
    const url = await this.ewsUrl();
    const t = this.target;
    if (t) {
      xml = translateAddresses(t, xml);
      if (options.auth) options = { ...options, auth: targetCredentials(t, options.auth[0], options.auth[1]) };
      else if (options.auth === undefined) options = { ...options, auth: [t.login, t.password] };
    } else if (options.auth !== null && !options.headers?.Authorization) {
      const [login, password] = options.auth ?? [SUPER_USER, DEFAULT_PASSWORD];
      const bearer = await onlineBearer(await this.ensureMock(), login, password, impersonates(xml));
      if (bearer) options = { ...options, auth: null, headers: { ...options.headers, Authorization: `Bearer ${bearer}` } };
    }
    return { url, xml, options };
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
