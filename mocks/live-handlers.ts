import { http, HttpResponse } from 'msw';
import {
  API_VERSION,
  type Health,
  type VersionCounts,
} from '../src/domain/contract/executor-contract.ts';
import type { MockBackendState } from './mock-backend-state.ts';

const ZERO_EXITS = {
  exit: 0,
  completed: 0,
  exit_criteria: 0,
  goal: 0,
  control_group: 0,
  loop_guard: 0,
};

/**
 * The executor's health check and live counts, as the mock answers them: the mock runs nothing,
 * so every published version's counts are zeros (in the executor's shape), and the token is
 * judged as the mock's other routes judge it.
 */
export function createLiveHandlers(state: MockBackendState, base: string) {
  return [
    http.get(`${base}/health`, ({ request }) => {
      const required = state.faults().requireToken;
      const sent = (request.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
      const health: Health = {
        status: 'ok',
        service: 'wayfinder-reference-executor',
        apiVersion: API_VERSION,
        tokenRequired: required !== null,
        tokenAccepted: required === null || sent === required,
        clock: 'wall',
        now: new Date().toISOString(),
      };
      return HttpResponse.json(health);
    }),
    http.get(`${base}/journeys/:journeyId/versions/:version/counts`, ({ params }) => {
      const journeyId = String(params.journeyId);
      const found = state.versions(journeyId).find((v) => String(v.version) === params.version);
      if (found === undefined)
        return HttpResponse.json(
          { error: { code: 'not-found', message: 'No such version.' } },
          { status: 404 },
        );
      const steps: VersionCounts['steps'] = {};
      const edgeCounts: VersionCounts['edgeCounts'] = {};
      for (const [id, step] of Object.entries(found.spec.steps)) {
        steps[id] = {
          stepId: id,
          kind: step.kind,
          label: step.label,
          entered: 0,
          byBranch: Object.fromEntries(Object.keys(step.next).map((k) => [k, 0])),
          waiting: 0,
          exited: 0,
          exitedBy: ZERO_EXITS,
          sent: 0,
          channel: null,
          costPerSend: 0,
        };
        for (const [branch, to] of Object.entries(step.next))
          if (to !== null) edgeCounts[`${id}->${branch}`] = 0;
      }
      const counts: VersionCounts = {
        journeyId,
        version: found.version,
        asOf: new Date().toISOString(),
        entries: 0,
        conversions: 0,
        control: { entries: 0, conversions: 0 },
        stopped: 0,
        steps,
        edgeCounts,
        daily: [],
      };
      return HttpResponse.json(counts);
    }),
  ];
}
