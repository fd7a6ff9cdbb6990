import type { WayfinderDb } from '../../storage/db.ts';
import type { PackedChunk } from '../../storage/packed-chunk.ts';
import {
  nextTask,
  type PackedChunkSink,
  readPackedChunks,
  type TableSource,
} from '../../storage/profile-table-reader.ts';
import { workerFailureError } from '../shared/worker-failure.ts';
import type { SetTableEvent, SetTableMessage } from './set-table-host.ts';

const NAME = 'The profile table worker';

function isPackedChunk(value: unknown): value is PackedChunk {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<PackedChunk>;
  return (
    typeof c.count === 'number' &&
    typeof c.text === 'string' &&
    c.offsets instanceof Int32Array &&
    c.cursors instanceof Int32Array &&
    c.ids instanceof Int32Array &&
    c.fieldText instanceof Int32Array &&
    c.eventStart instanceof Int32Array &&
    (c.eventName instanceof Uint16Array || c.eventName instanceof Uint32Array) &&
    c.eventAt instanceof Float64Array &&
    Array.isArray(c.eventNames) &&
    Array.isArray(c.shapes)
  );
}

/** A worker's message checked; null when it is not one of ours. */
export function readSetTableMessage(data: unknown): SetTableMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as { id?: unknown; kind?: unknown; chunk?: unknown; message?: unknown };
  if (m.id !== undefined && typeof m.id !== 'number') return null;
  const id = m.id === undefined ? {} : { id: m.id };
  let event: SetTableEvent | null;
  switch (m.kind) {
    case 'chunk':
      event = isPackedChunk(m.chunk) ? { kind: 'chunk', chunk: m.chunk } : null;
      break;
    case 'restart':
    case 'done':
      event = { kind: m.kind };
      break;
    case 'failed':
      event = typeof m.message === 'string' ? { kind: 'failed', message: m.message } : null;
      break;
    default:
      event = null;
  }
  return event && { ...event, ...id };
}

interface Read {
  sink: PackedChunkSink;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * A set table source (see the repo's `tableSource`) that reads in one module worker, started
 * by `warm()` or the first read and kept for the next (starting a worker costs the first rows
 * a module load); where there are no workers (jsdom), on this thread with a turn for the page
 * between chunks.
 */
export function setTableInWorker(db: WayfinderDb): TableSource & { warm(): void } {
  let worker: Worker | undefined;
  let nextId = 0;
  const reads = new Map<number, Read>();

  const failAll = (error: Error) => {
    for (const read of reads.values()) read.reject(error);
    reads.clear();
    worker?.terminate();
    worker = undefined;
  };

  const started = (): Worker => {
    if (worker !== undefined) return worker;
    const w = new Worker(new URL('./set-table.worker.ts', import.meta.url), { type: 'module' });
    const failed = (event: Event) => failAll(workerFailureError(NAME, event));
    w.onerror = failed;
    w.onmessageerror = failed;
    w.onmessage = (event: MessageEvent) => {
      const message = readSetTableMessage(event.data);
      if (message === null)
        return failAll(new Error(`unexpected message from ${NAME.toLowerCase()}`));
      const read = message.id === undefined ? undefined : reads.get(message.id);
      if (read === undefined) {
        // A failure with no id: the worker could not read a request, which one is unknown.
        if (message.kind === 'failed') failAll(new Error(message.message));
        return;
      }
      if (message.kind === 'chunk') read.sink.chunk(message.chunk);
      else if (message.kind === 'restart') read.sink.restart();
      else {
        reads.delete(message.id as number);
        if (message.kind === 'done') read.resolve();
        else read.reject(new Error(message.message));
      }
    };
    worker = w;
    return w;
  };

  const source = (setId: string, sink: PackedChunkSink): Promise<void> => {
    if (typeof Worker === 'undefined') return readPackedChunks(db, setId, sink, nextTask);
    return new Promise<void>((resolve, reject) => {
      const id = nextId++;
      reads.set(id, { sink, resolve, reject });
      started().postMessage({ id, setId, dbName: db.name });
    });
  };
  return Object.assign(source, {
    warm: () => {
      if (typeof Worker !== 'undefined') started();
    },
  });
}
