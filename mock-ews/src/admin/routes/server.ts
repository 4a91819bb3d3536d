import express, { Router } from 'express';
import type { MockState } from '../../server/state';
import { ScenarioError } from '../../scenario/load';
import { AdminError } from '../errors';

/** Health, readiness, reset, scenario upload and the profile in force. */
export function serverRoutes(state: MockState): Router {
  const router = Router();
  /** True while a scenario is being built; readiness says 503 meanwhile. */
  let loading = false;

  router.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      uptimeMs: Date.now() - state.startedAt.getTime(),
      profile: state.profile.name,
      mailboxes: state.store.mailboxes.size,
      accounts: state.store.accounts.size,
      faults: state.faults.list().length,
      requests: state.records.length,
    });
  });

  router.get('/ready', (_req, res) => {
    if (loading) res.status(503).json({ ready: false, reason: 'a scenario is loading' });
    else res.json({ ready: true });
  });

  router.post('/reset', async (_req, res) => {
    loading = true;
    try {
      await state.reset();
    } finally {
      loading = false;
    }
    res.json({ reset: true, scenario: state.scenario?.label ?? null, profile: state.profile.name, mailboxes: state.store.mailboxes.size });
  });

  const SCENARIO_TYPES = ['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];
  const scenarioText = express.text({ limit: '50mb', type: () => true });
  const loadScenario: express.RequestHandler = async (req, res) => {
    const type = req.headers['content-type'];
    if (type && !SCENARIO_TYPES.some((t) => req.is(t))) {
      throw new AdminError(415, `body: a scenario is YAML or JSON (${SCENARIO_TYPES.join(', ')}), not ${type}`, 'body');
    }
    const text = typeof req.body === 'string' ? req.body : '';
    if (text.trim() === '') throw new AdminError(400, 'body: the scenario is empty', 'body');
    loading = true;
    try {
      await state.loadScenario({ text, label: 'scenario', baseDir: state.scenario?.baseDir ?? process.cwd() });
    } catch (err) {
      // The loader's message names the path in the scenario and the rule it broke.
      if (err instanceof ScenarioError) throw new AdminError(400, err.message, 'body');
      throw err;
    } finally {
      loading = false;
    }
    res.json({
      loaded: true,
      profile: state.profile.name,
      accounts: state.store.accounts.size,
      mailboxes: [...state.store.mailboxes.values()].map((m) => m.smtp),
    });
  };
  router.put('/scenario', scenarioText, loadScenario);
  router.post('/scenario', scenarioText, loadScenario);

  router.get('/scenario', (_req, res) => {
    res.json({ label: state.scenario?.label ?? null, text: state.scenario?.text ?? null });
  });

  router.get('/profile', (_req, res) => {
    res.json(state.profile);
  });
  return router;
}
