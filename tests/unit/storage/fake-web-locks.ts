/**
 * A minimal Web Locks manager for Node (which has none): shared and exclusive modes, queued
 * requests granted in order, and `ifAvailable`. Enough for the import lock's callers.
 */
type Waiter = { mode: LockMode; grant: () => void };

export function fakeWebLocks(): Pick<LockManager, 'request'> {
  const held = new Map<string, { mode: LockMode; count: number }>();
  const queues = new Map<string, Waiter[]>();

  const compatible = (name: string, mode: LockMode) => {
    const current = held.get(name);
    return current === undefined || (current.mode === 'shared' && mode === 'shared');
  };
  const take = (name: string, mode: LockMode) => {
    const current = held.get(name);
    held.set(name, { mode, count: (current?.count ?? 0) + 1 });
  };
  const release = (name: string) => {
    const current = held.get(name);
    if (current === undefined) return;
    if (current.count > 1) held.set(name, { ...current, count: current.count - 1 });
    else held.delete(name);
    const queue = queues.get(name) ?? [];
    while (queue.length > 0 && compatible(name, queue[0]!.mode)) {
      const next = queue.shift()!;
      take(name, next.mode);
      next.grant();
    }
  };

  async function request(
    name: string,
    optionsOrCallback: LockOptions | LockGrantedCallback<unknown>,
    maybeCallback?: LockGrantedCallback<unknown>,
  ): Promise<unknown> {
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback)!;
    const mode = options.mode ?? 'exclusive';
    const queue = queues.get(name) ?? [];
    queues.set(name, queue);
    if (!compatible(name, mode) || queue.length > 0) {
      if (options.ifAvailable === true) return callback(null);
      await new Promise<void>((grant) => queue.push({ mode, grant }));
    } else {
      take(name, mode);
    }
    try {
      return await callback({ name, mode } as Lock);
    } finally {
      release(name);
    }
  }
  return { request: request as LockManager['request'] };
}
