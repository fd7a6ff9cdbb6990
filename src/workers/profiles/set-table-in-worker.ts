import type { WayfinderDb } from '../../storage/db.ts';
import type { PackedChunk } from '../../storage/packed-chunk.ts';
import {
  nextTask,
  readPackedChunks,
  type TableSource,
} from '../../storage/profile-table-reader.ts';
import { runPool } from '../shared/pool.ts';
import type { SetTableEvent } from './set-table-host.ts';

function isPackedChunk(value: unknown): value is PackedChunk {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<PackedChunk>;
  return (
    typeof c.count === 'number' &&
    typeof c.text === 'string' &&
    c.offsets instanceof Int32Array &&
    c.cursors instanceof Int32Array &&
    c.idText instanceof Int32Array &&
    c.fieldText instanceof Int32Array &&
    c.events instanceof Int32Array &&
    c.lastAt instanceof Float64Array &&
    Array.isArray(c.shapes)
  );
}

function readEvent(data: unknown): SetTableEvent | null {
  if (typeof data !== 'object' || data === null) return null;
  const event = data as { kind?: unknown; chunk?: unknown; message?: unknown };
  switch (event.kind) {
    case 'chunk':
      return isPackedChunk(event.chunk) ? { kind: 'chunk', chunk: event.chunk } : null;
    case 'restart':
    case 'done':
      return { kind: event.kind };
    case 'failed':
      return typeof event.message === 'string' ? { kind: 'failed', message: event.message } : null;
    default:
      return null;
  }
}

/**
 * A set table source (see the repo's `tableSource`) that reads in a module worker; where there
 * are no workers (jsdom), on this thread with a turn for the page between chunks.
 */
export function setTableInWorker(db: WayfinderDb): TableSource {
  return (setId, sink) => {
    if (typeof Worker === 'undefined') return readPackedChunks(db, setId, sink, nextTask);
    return runPool<SetTableEvent, undefined>({
      requests: [{ setId, dbName: db.name }],
      createWorker: () =>
        new Worker(new URL('./set-table.worker.ts', import.meta.url), { type: 'module' }),
      name: 'The profile table worker',
      abortError: () => new DOMException('The read was cancelled', 'AbortError'),
      read: readEvent,
      onEvent: (event, _partition, control) => {
        if (event.kind === 'chunk') sink.chunk(event.chunk);
        else if (event.kind === 'restart') sink.restart();
        else if (event.kind === 'done') control.resolve(undefined);
        else control.fail(new Error(event.message));
      },
    });
  };
}
