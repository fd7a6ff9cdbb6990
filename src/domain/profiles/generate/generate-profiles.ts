import type { Profile } from '../profile';
import { createRandom, deriveSeed } from '../random';
import { generateIdentity } from './attributes';
import { generateLifecycle } from './lifecycle';
import { assertGenerateOptions, type GenerateOptions } from './options';
import { DEFAULT_PURCHASE_MODEL, resolvePurchaseModel, type PurchaseModel } from './purchase-model';

/** Profiles per batch when none is given: small enough to report progress often. */
export const DEFAULT_GENERATE_BATCH = 5_000;
const VIP_LTV = 1_000;

/** The id of the generated profile at `index` (0-based), e.g. `c000042`. */
export function generatedProfileId(index: number): string {
  return `c${String(index + 1).padStart(6, '0')}`;
}

/**
 * Generates the profile at `index`. Each profile draws from its own seeded stream, so a profile
 * does not depend on how many were asked for or on the batch size: the first 100 of 1,000
 * are the 100 of a set of 100, and ranges can be made in parallel.
 */
export function generateProfileAt(
  index: number,
  seed: number | string,
  start: number,
  end: number,
  purchases: PurchaseModel = DEFAULT_PURCHASE_MODEL,
): Profile {
  const random = createRandom(deriveSeed(seed, index));
  const id = generatedProfileId(index);
  const { attributes, signupAt } = generateIdentity(random, index, start, end);
  const { events, summary } = generateLifecycle(
    random,
    id,
    signupAt,
    end,
    attributes.plan ?? 'free',
    purchases,
  );
  attributes.custom.ltv = summary.ltv;
  attributes.custom.orders = summary.orders;
  if (summary.renewalDate !== undefined) attributes.custom.renewalDate = summary.renewalDate;
  if (summary.ltv >= VIP_LTV) attributes.tags.push('vip');
  return { id, attributes, events };
}

/**
 * Yields seeded, realistic profiles in arrays of `batchSize`, calling `onProgress` after each
 * and stopping with the signal's reason when it is aborted.
 */
export function* generateProfileBatches(
  options: GenerateOptions,
  batchSize: number = DEFAULT_GENERATE_BATCH,
): Generator<Profile[], void, undefined> {
  assertGenerateOptions(options);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const { count, seed, start, end, onProgress, signal } = options;
  const purchases = resolvePurchaseModel(options.purchases);
  for (let from = 0; from < count; from += batchSize) {
    signal?.throwIfAborted();
    const to = Math.min(count, from + batchSize);
    const batch: Profile[] = [];
    for (let i = from; i < to; i++) batch.push(generateProfileAt(i, seed, start, end, purchases));
    onProgress?.(to, count);
    yield batch;
  }
}

/** Generates `count` seeded, realistic profiles: same options, identical profiles. */
export function generateProfiles(options: GenerateOptions): Profile[] {
  const all: Profile[] = [];
  for (const batch of generateProfileBatches(options)) {
    for (const profile of batch) all.push(profile);
  }
  return all;
}
