import type { ElkNode } from 'elkjs/lib/elk-api';

/** What auto-layout needs of ELK: one call that lays a graph out. */
export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let engine: Promise<ElkEngine> | undefined;

/**
 * ELK, loaded on first use. ELK is about 1.4 MB of JavaScript, so it is never part of the
 * editor's first load: in a browser it runs in its own Web Worker (elkjs ships a worker build,
 * served as a static file), which also keeps a large layout off the main thread; where there is
 * no Worker (Node, tests) the bundled build runs in-process.
 */
export function loadElkEngine(): Promise<ElkEngine> {
  engine ??= (
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK())
      : Promise.all([
          import('elkjs/lib/elk-api.js'),
          import('elkjs/lib/elk-worker.min.js?url'),
        ]).then(([{ default: ELK }, { default: workerUrl }]) => new ELK({ workerUrl }))
  ).catch((error: unknown) => {
    engine = undefined; // a failed load (offline, say) is tried again next time
    throw error;
  });
  return engine;
}
