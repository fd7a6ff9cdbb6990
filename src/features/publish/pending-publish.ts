import { z } from 'zod';

/**
 * A publish the user asked for that has no definite answer yet (a time-out, the network, a 5xx,
 * a Cancel or a reload part way). Its idempotency key is kept in localStorage until the publish
 * succeeds, is definitely refused, or the user abandons it, so every retry sends the same key
 * and the backend creates the version at most once.
 */
export const pendingPublishSchema = z.object({
  key: z.string().min(1),
  /** The hash of the spec sent under this key: a different spec needs a new key. */
  specHash: z.string().min(1),
  version: z.number().int().positive(),
  /** ISO time of the first attempt. */
  startedAt: z.string(),
});
export type PendingPublish = z.infer<typeof pendingPublishSchema>;

const storageKey = (journeyId: string) => `wayfinder.pendingPublish.${journeyId}`;

function local(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The journey's pending publish, or undefined (also when what is stored is not one). */
export function readPendingPublish(journeyId: string): PendingPublish | undefined {
  const text = local()?.getItem(storageKey(journeyId));
  if (text === null || text === undefined) return undefined;
  try {
    const parsed = pendingPublishSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the pending publish before its first request goes out. */
export function keepPendingPublish(journeyId: string, pending: PendingPublish): void {
  local()?.setItem(storageKey(journeyId), JSON.stringify(pending));
}

/** Forgets it: the publish succeeded, was refused for sure, or the user abandoned it. */
export function forgetPendingPublish(journeyId: string): void {
  local()?.removeItem(storageKey(journeyId));
}
