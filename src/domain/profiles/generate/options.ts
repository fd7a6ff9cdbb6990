import { resolvePurchaseModel, type PurchaseModelOptions } from './purchase-model';

/** What to generate: how many profiles, from which seed, over which period. */
export interface GenerateOptions {
  /** Number of profiles, 1 to {@link MAX_GENERATED_PROFILES}. */
  count: number;
  /** Same seed, same profiles. */
  seed: number | string;
  /** Earliest signup, epoch milliseconds (UTC). */
  start: number;
  /** End of the history, epoch milliseconds (UTC): no event happens at or after it. */
  end: number;
  /** How customers buy (BG/NBD and Gamma-Gamma); CDNOW-like defaults for what is left out. */
  purchases?: PurchaseModelOptions;
  /** Called after each batch with the number of profiles made so far. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the generation between batches with the signal's reason. */
  signal?: AbortSignal;
}

/** The largest set the generator makes in one go. */
export const MAX_GENERATED_PROFILES = 200_000;

/** Throws a RangeError when the options cannot produce profiles. */
export function assertGenerateOptions(options: GenerateOptions): void {
  const { count, start, end } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_PROFILES) {
    throw new RangeError(
      `count must be an integer from 1 to ${MAX_GENERATED_PROFILES}, got ${count}`,
    );
  }
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw new RangeError('end must be a time after start');
  }
  resolvePurchaseModel(options.purchases);
}
