import type { Channel } from '../../domain/index.ts';

/** One outbox row handed to a delivery adapter. */
export interface OutboxSend {
  id: number;
  /** `${runId}:${stepId}:${attempt}`: providers must treat a repeated key as the same message. */
  idempotencyKey: string;
  runId: string;
  journeyId: string;
  version: number;
  profileId: string;
  stepId: string;
  channel: Channel;
  /** When the engine sent it (epoch ms, executor clock). */
  at: number;
  payload: { kind: string; content: Record<string, unknown>; at: number; profileId: string };
}

/**
 * What a provider plugs in to deliver sends of some channels. `deliver` throws to ask for a retry
 * (with back-off): {@link NotTakenError} when the provider answered that it did not take them,
 * any other error when it is not known whether it did (no answer: a network failure, a timeout).
 * {@link PermanentDeliveryError} says retrying cannot help.
 */
export interface DeliveryAdapter {
  readonly name: string;
  handles(channel: Channel): boolean;
  /** Whether each send gets its own durable step with retries (network calls) or a batch shares one. */
  readonly perSend: boolean;
  deliver(sends: readonly OutboxSend[]): Promise<void>;
}

export class PermanentDeliveryError extends Error {}

/**
 * The provider did not take the sends, and a retry may succeed: it answered so (HTTP 429, 503),
 * or the call never reached it (connection refused, no such host). They are not at the provider,
 * so a stop while the retry waits refuses them.
 */
export class NotTakenError extends Error {}
