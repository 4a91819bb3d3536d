import { BasePropertySet, FolderTraversal, FolderView, PropertySet, WellKnownFolderName } from 'ews-javascript-api';
import { connect, ConnectionParams } from './client';
import { classify, EwsFailure } from './errors';

export type CheckResult = { ok: true } | { ok: false; failure: EwsFailure; reason: string };

/** The reason line a person can act on, per failure kind. */
export function explain(failure: EwsFailure, params: Pick<ConnectionParams, 'endpoint' | 'login' | 'generation' | 'tokens'>): string {
  const host = (() => {
    try {
      return new URL(params.endpoint).host;
    } catch {
      return params.endpoint;
    }
  })();
  const app = params.tokens?.oauth;
  if (app && /^token refused: /.test(failure.message)) {
    const detail = failure.message.replace(/^token refused: /, '');
    const what = failure.kind === 'unauthorized' ? 'bad credentials' : 'token refused';
    return `${what}: the identity platform refused app ${app.clientId} in tenant ${app.tenant} (${detail}). Check the tenant, clientId and client secret of the app registration.`;
  }
  switch (failure.kind) {
    case 'unauthorized':
      if (app) {
        return `bad credentials: the server refused the app's token (HTTP 401${failure.responseCode ? `, ${failure.responseCode}` : ''}). Check that app ${app.clientId} has the full_access_as_app permission with admin consent.`;
      }
      return `bad credentials: the server refused login "${params.login}" (HTTP 401). Check the login and password of the super-user.`;
    case 'forbidden':
      return `access denied: the server refused login "${params.login}" (HTTP 403). Check that the account may use EWS.`;
    case 'unreachable':
      return `host unreachable: cannot connect to ${host} (${failure.message.replace(/^host unreachable: /, '')}). Check the server name and port, and that the server is running.`;
    case 'timeout':
      return `host unreachable: ${host} did not answer in time. Check the server name, port and firewall.`;
    case 'tls':
      return `TLS failure: ${failure.message.replace(/^TLS failure: /, '')}. Install a certificate this machine trusts, use the right scheme (http/https) for the port, or set tlsVerify: false for a test server.`;
    case 'version':
      return `version refused: the server does not accept version "${params.generation.label}" (${failure.responseCode}). Choose the version of your Exchange server.`;
    case 'not-ews':
      return `not an EWS endpoint: ${params.endpoint}: ${failure.message}. Check the server setting (the EWS endpoint is usually https://<host>/EWS/Exchange.asmx).`;
    case 'throttled':
      return `the server is busy (${failure.responseCode ?? failure.httpStatus}); try again later.`;
    default:
      return failure.message;
  }
}

/**
 * FindFolder on the distinguished root folder, Shallow and IdOnly, as the super-user without
 * impersonation. An app (auth oauth) has no mailbox of its own: it opens the `login` mailbox,
 * impersonated, which proves the token, the permission and the mailbox's reach at once.
 */
export async function checkConnection(params: ConnectionParams): Promise<CheckResult> {
  const { service, transport } = connect(params, params.auth === 'oauth' ? params.login : undefined);
  const view = new FolderView(1);
  view.PropertySet = new PropertySet(BasePropertySet.IdOnly);
  view.Traversal = FolderTraversal.Shallow;
  try {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(Object.assign(new Error('no answer'), { code: 'ETIMEDOUT' })), (params.timeoutMs ?? 30_000) + 1000).unref(),
    );
    await Promise.race([service.FindFolders(WellKnownFolderName.Root, view), timeout]);
    return { ok: true };
  } catch (err) {
    const failure = classify(err, transport());
    return { ok: false, failure, reason: explain(failure, params) };
  }
}
