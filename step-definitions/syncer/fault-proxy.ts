/**
 * A small HTTP proxy in front of the mock that can misbehave the way busy or flaky Exchange servers
 * do: answer with ErrorServerBusy faults, delay answers, or turn one item of a GetItem into a
 * per-item error. Everything else is forwarded unchanged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyBehaviour {
  /** Answer this many requests with an ErrorServerBusy fault (Infinity: all). */
  busyCount: number;
  /** BackOffMilliseconds in the fault; omitted when undefined. */
  backOffMs?: number;
  /** Delay before forwarding each request. */
  delayMs: number;
  /** GetItem for this ItemId answers ErrorItemNotFound for that item only. */
  failItemId?: string;
}

export interface FaultProxy {
  url: string;
  behaviour: ProxyBehaviour;
  busyAnswered: number;
  close(): Promise<void>;
}

function busyFault(backOffMs: number | undefined): string {
  const detail =
    backOffMs === undefined
      ? ''
      : `<t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:Value Name="BackOffMilliseconds">${backOffMs}</t:Value></t:MessageXml>`;
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>` +
    `<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode>` +
    `<faultstring xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring>` +
    `<detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode>` +
    `<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The server cannot service this request right now. Try again later.</e:Message>${detail}</detail>` +
    `</s:Fault></s:Body></s:Envelope>`
  );
}

/** Replaces the GetItem response message of `itemId` with a per-item ErrorItemNotFound. */
function failOneItem(requestXml: string, responseXml: string, itemId: string): string {
  if (!/<\w+:GetItem[\s>]/.test(requestXml)) return responseXml;
  const ids = [...requestXml.matchAll(/<\w+:ItemId Id="([^"]+)"/g)].map((m) => m[1]);
  const index = ids.indexOf(itemId);
  if (index < 0) return responseXml;
  let n = -1;
  return responseXml.replace(/<(\w+):GetItemResponseMessage\b[\s\S]*?<\/\1:GetItemResponseMessage>/g, (whole, p: string) => {
    n++;
    if (n !== index) return whole;
    return (
      `<${p}:GetItemResponseMessage ResponseClass="Error"><${p}:MessageText>The specified object was not found in the store.</${p}:MessageText>` +
      `<${p}:ResponseCode>ErrorItemNotFound</${p}:ResponseCode><${p}:DescriptiveLinkKey>0</${p}:DescriptiveLinkKey><${p}:Items/></${p}:GetItemResponseMessage>`
    );
  });
}

export async function startFaultProxy(target: string, behaviour: Partial<ProxyBehaviour> = {}): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const proxy: FaultProxy = {
    url: '',
    behaviour: { busyCount: 0, delayMs: 0, ...behaviour },
    busyAnswered: 0,
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const b = proxy.behaviour;
      if (proxy.busyAnswered < b.busyCount) {
        proxy.busyAnswered++;
        res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(busyFault(b.backOffMs));
        return;
      }
      setTimeout(() => {
        const upstream = http.request(
          { host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: { ...req.headers, host: targetUrl.host } },
          (up) => {
            const parts: Buffer[] = [];
            up.on('data', (c: Buffer) => parts.push(c));
            up.on('end', () => {
              let text = Buffer.concat(parts).toString('utf8');
              if (b.failItemId) text = failOneItem(body.toString('utf8'), text, b.failItemId);
              const headers = { ...up.headers };
              delete headers['content-length'];
              delete headers['transfer-encoding'];
              res.writeHead(up.statusCode ?? 502, headers);
              res.end(text);
            });
          },
        );
        upstream.on('error', (err) => {
          res.writeHead(502);
          res.end(String(err));
        });
        upstream.end(body);
      }, b.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  proxy.url = `http://127.0.0.1:${port}${targetUrl.pathname}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
