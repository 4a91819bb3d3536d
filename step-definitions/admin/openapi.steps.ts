import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { EwsWorld } from '../support/world';
import { createAdminRouter } from '../../mock-ews/src/admin/router';
import { lastAdminReply } from './admin-http';
import { FAULT_KINDS } from '../../mock-ews/src/admin/faults';
import { ERROR_CATALOGUE } from '../../mock-ews/src/soap/error-catalogue';

/**
 * The admin API's OpenAPI document: valid OpenAPI 3, and listing exactly the routes the server's
 * router answers. The route list is read from the router itself (like a documentation test reads
 * an error table), so a route added without documentation fails here.
 */

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

function routesOf(stack: Layer[], prefix = ''): string[] {
  const out: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const path = (prefix + layer.route.path).replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
      for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.push(`${method.toUpperCase()} ${path}`);
    } else if (layer.handle.stack) {
      out.push(...routesOf(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : (layer.rawPath ?? ''))));
    }
  }
  return out;
}

When('the OpenAPI document is validated', async function (this: EwsWorld) {
  const doc = lastAdminReply(this).json as Record<string, unknown>;
  const { Validator } = await import('@seriousme/openapi-schema-validator');
  const result = await new Validator().validate(doc as never);
  this.results.set('openapi:validation', result);
});

Then('it is a valid OpenAPI {word} document', function (this: EwsWorld, version: string) {
  const result = this.results.get('openapi:validation') as { valid: boolean; errors?: unknown };
  assert.ok(result.valid, JSON.stringify(result.errors, null, 1)?.slice(0, 3000));
  assert.ok(String((lastAdminReply(this).json as { openapi: string }).openapi).startsWith(version));
});

Then('every route the admin router answers is documented, and nothing else', async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  // The one place a step touches the mock's state: only to build a second router and list its
  // routes (what the server answers is code, not data), which no HTTP call can enumerate. Nothing
  // is read from or written to the store.
  const router = createAdminRouter(mock.state) as unknown as { stack: Layer[] };
  const served = [...new Set(routesOf(router.stack))].sort();
  const paths = (lastAdminReply(this).json as { paths: Record<string, Record<string, unknown>> }).paths;
  const documented = Object.entries(paths)
    .flatMap(([path, ops]) => Object.keys(ops).filter((k) => ['get', 'put', 'post', 'delete', 'patch'].includes(k)).map((m) => `${m.toUpperCase()} ${path === '/ui' ? '/ui/' : path}`))
    .map((r) => r.replace(/ \/ui\/$/, ' /ui'))
    .sort();
  assert.ok(served.length > 30, `only ${served.length} routes found: the router walk is broken`);
  assert.deepEqual(served, documented);
});

Then('the document names every fault kind and every ResponseCode of the catalogue', function (this: EwsWorld) {
  const text = lastAdminReply(this).text;
  for (const kind of FAULT_KINDS) assert.ok(text.includes(`"enum":["${kind}"]`), `fault kind ${kind} is not documented`);
  for (const code of Object.keys(ERROR_CATALOGUE)) assert.ok(text.includes(`"${code}"`), `${code} is not documented`);
});

Then('the document\'s server is the admin URL of this mock', async function (this: EwsWorld) {
  const mock = await this.ensureMock();
  assert.equal((lastAdminReply(this).json as { servers: { url: string }[] }).servers[0].url, mock.adminUrl);
});
