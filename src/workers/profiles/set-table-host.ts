import { z } from 'zod';
import { type PackedChunk, packedBuffers } from '../../storage/packed-chunk.ts';
import { readPackedChunks } from '../../storage/profile-table-reader.ts';
import { databasePerName } from '../shared/database-per-name.ts';
import { serve } from '../shared/serve.ts';
import { errorMessage } from '../shared/worker-scope.ts';

/** Read a stored set's chunks, packed for its table. */
export interface SetTableRequest {
  /** Told back with every event of this read: one worker serves every read of the page. */
  id: number;
  setId: string;
  /** The database holding the set; the app's by default. */
  dbName?: string | undefined;
}

const setTableRequestSchema: z.ZodType<SetTableRequest> = z.object({
  id: z.number().int(),
  setId: z.string().min(1),
  dbName: z.string().min(1).optional(),
});

/**
 * What the worker posts for a read: each chunk in order, a restart when the set changed, then
 * the end. A request it could not read is answered with a failure without an id.
 */
export type SetTableMessage = SetTableEvent & { id?: number };
export type SetTableEvent =
  | { kind: 'chunk'; chunk: PackedChunk }
  | { kind: 'restart' }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

/** A worker scope that can transfer buffers. */
export interface TransferScope {
  onmessage: ((event: MessageEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/**
 * Serves each {@link SetTableRequest} (several may run at once): reads the set from IndexedDB here, off the
 * page's thread, and posts each chunk packed with its buffers transferred, so the page neither
 * deserialises the chunks' thousands of strings nor collects them.
 */
export function hostSetTable(scope: TransferScope): void {
  const dbFor = databasePerName();
  serve(scope, {
    schema: setTableRequestSchema,
    handle: ({ id, setId, dbName }) => {
      const post = (event: SetTableEvent, transfer?: Transferable[]) =>
        scope.postMessage({ ...event, id } satisfies SetTableMessage, transfer);
      void readPackedChunks(dbFor(dbName), setId, {
        chunk: (chunk) => post({ kind: 'chunk', chunk }, packedBuffers(chunk)),
        restart: () => post({ kind: 'restart' }),
      }).then(
        () => post({ kind: 'done' }),
        (error: unknown) => post({ kind: 'failed', message: errorMessage(error) }),
      );
    },
    failure: (message) => ({ kind: 'failed', message }) satisfies SetTableEvent,
    unreadable: 'The profile table worker could not read the request',
  });
}
