import type { ConditionGroup } from '../../domain/conditions/condition-schema.ts';
import type {
  GenerateRequest,
  ImportRequest,
  JobCommand,
  JobEvent,
  JobProgress,
  SegmentCountRequest,
  SegmentCountResponse,
} from '../../workers/profiles/profiles-protocol.ts';
import type { JobHandle, ProfileJobs } from './profiles-services.tsx';
import { answeredError, workerFailureError } from '../../workers/shared/worker-failure.ts';

function runInWorker<R, O>(
  worker: Worker,
  request: R,
  onProgress: (p: JobProgress) => void,
): JobHandle<O> {
  const result = new Promise<O>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<JobEvent<O>>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.progress);
        return;
      }
      worker.terminate();
      if (message.type === 'done') resolve(message.outcome);
      else if (message.type === 'cancelled') reject(new DOMException('Cancelled', 'AbortError'));
      else reject(answeredError(message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(workerFailureError('The profiles worker', event));
    };
  });
  const start: JobCommand<R> = { type: 'start', request };
  worker.postMessage(start);
  return {
    result,
    cancel: () => {
      const cancel: JobCommand<R> = { type: 'cancel' };
      worker.postMessage(cancel);
    },
  };
}

/** Jobs that run in Web Workers: one worker per generate or import, one shared for counts. */
export function workerJobs(): ProfileJobs {
  let segmentWorker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, (response: SegmentCountResponse) => void>();
  const segment = (): Worker => {
    if (!segmentWorker) {
      segmentWorker = new Worker(
        new URL('../../workers/profiles/segment.worker.ts', import.meta.url),
        { type: 'module' },
      );
      segmentWorker.onmessage = (event: MessageEvent<SegmentCountResponse>) => {
        pending.get(event.data.id)?.(event.data);
        pending.delete(event.data.id);
      };
    }
    return segmentWorker;
  };
  return {
    generate: (request: GenerateRequest, onProgress) =>
      runInWorker(
        new Worker(new URL('../../workers/profiles/generate.worker.ts', import.meta.url), {
          type: 'module',
        }),
        request,
        onProgress,
      ),
    importFile: (request: ImportRequest, onProgress) =>
      runInWorker(
        new Worker(new URL('../../workers/profiles/import.worker.ts', import.meta.url), {
          type: 'module',
        }),
        request,
        onProgress,
      ),
    countSegment: (setId: string, condition: ConditionGroup, now: number) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (response) => {
          if (response.ok) resolve({ matched: response.matched, total: response.total });
          else reject(answeredError(response));
        });
        const request: SegmentCountRequest = { id, setId, condition, now };
        segment().postMessage(request);
      }),
  };
}
