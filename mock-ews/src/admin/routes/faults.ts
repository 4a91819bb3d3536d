import { Router } from 'express';
import type { MockState } from '../../server/state';
import { notFound, parseBody } from '../errors';
import { faultSchema } from '../faults';
import { jsonBody, jsonParser } from './body';

export function faultRoutes(state: MockState): Router {
  const router = Router();
  router.get('/faults', (_req, res) => {
    res.json(state.faults.list());
  });
  router.post('/faults', jsonParser, (req, res) => {
    res.status(201).json(state.faults.add(parseBody(faultSchema, jsonBody(req))));
  });
  router.delete('/faults', (_req, res) => {
    res.json({ cleared: state.faults.clear() });
  });
  router.delete('/faults/:id', (req, res) => {
    if (!state.faults.remove(req.params.id)) throw notFound(`fault ${req.params.id}`, 'id');
    res.status(204).end();
  });
  return router;
}
