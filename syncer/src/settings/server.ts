import { isIP } from 'node:net';

export const EWS_PATH = '/EWS/Exchange.asmx';

export type ServerProblem =
  | { rule: 'format'; message: string }
  | { rule: 'scheme'; message: string }
  | { rule: 'port'; message: string };

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

export function isHostName(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  return host.replace(/\.$/, '').split('.').every((label) => HOST_LABEL.test(label));
}

function isHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare !== host) return isIP(bare) === 6;
  if (isIP(host) === 4) return true;
  // All-numeric dotted names that are not IPv4 addresses (e.g. 1.2.3) are typos, not host names.
  if (/^[0-9.]+$/.test(host)) return false;
  return isHostName(host);
}

/**
 * Turns the Server setting into the EWS endpoint URL. A bare host (or host:port) means https and
 * the standard EWS path; an explicit http(s) URL keeps its scheme and port, and gets the standard
 * path when it has none.
 */
export function resolveEndpoint(server: string): { url: string } | ServerProblem {
  const value = server.trim();
  const formatProblem: ServerProblem = {
    rule: 'format',
    message: `server "${value}" is not a host name, IP address, host:port or http(s) URL (e.g. mail.example.com, 10.0.0.5:8443 or https://mail.example.com/EWS/Exchange.asmx)`,
  };
  if (/\s/.test(value)) return formatProblem;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  if (scheme && !/^https?$/i.test(scheme[1])) {
    return { rule: 'scheme', message: `server URL scheme must be http or https, not "${scheme[1]}"` };
  }
  if (!scheme && value.includes('/')) return formatProblem;
  const hostPort = (scheme ? value.slice(scheme[0].length) : value).split('/')[0];
  const portMatch = hostPort.endsWith(']') ? null : /:(\d*)$/.exec(hostPort);
  const host = portMatch ? hostPort.slice(0, portMatch.index) : hostPort;
  if (!isHost(host)) return formatProblem;
  if (portMatch) {
    const port = Number(portMatch[1]);
    if (!portMatch[1] || !Number.isInteger(port) || port < 1 || port > 65535) {
      return { rule: 'port', message: `server port must be a number from 1 to 65535, not "${portMatch[1]}"` };
    }
  }
  let url: URL;
  try {
    url = new URL(scheme ? value : `https://${value}`);
  } catch {
    return formatProblem;
  }
  if (url.username || url.password || url.search || url.hash) return formatProblem;
  const path = url.pathname === '/' || url.pathname === '' ? EWS_PATH : url.pathname;
  return { url: `${url.protocol}//${url.host}${path}` };
}
