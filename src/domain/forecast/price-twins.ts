import type { Spec } from '../compile/spec-schema.ts';
import { deriveFigures } from '../simulate/derive.ts';
import type { SimulationOptions } from '../simulate/options.ts';
import type { SimulationPlan } from '../simulate/plan.ts';
import type { SimulationResult } from '../simulate/result-schema.ts';

/** JSON with every object's keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

/** The options without the price of a message: the assumptions a run's events depend on. */
function withoutPrices(options: SimulationOptions): SimulationOptions {
  const { behaviour, ...rest } = options;
  const kept: Record<string, Record<string, unknown>> = {};
  for (const [channel, assumed] of Object.entries(behaviour ?? {})) {
    const { costPerSend: _price, ...others } = (assumed ?? {}) as Record<string, unknown>;
    if (Object.keys(others).length > 0) kept[channel] = others;
  }
  return Object.keys(kept).length > 0 ? { ...rest, behaviour: kept } : rest;
}

/**
 * Per variant, the index of an earlier variant that differs from it only in the price of a
 * message (same spec, same options but `costPerSend`), or -1. The price of a send draws no random
 * number and changes no event: it only enters the cost worked out from the tallies, so such a
 * variant's run is its twin's {@link repriced} (bit for bit), and need not be simulated.
 */
export function priceTwins(
  variants: readonly { spec: Spec; options?: SimulationOptions | undefined }[],
): number[] {
  const seen = new Map<string, number>();
  return variants.map((variant, v) => {
    const key = canonical([variant.spec, withoutPrices(variant.options ?? {})]);
    const twin = seen.get(key);
    if (twin !== undefined) return twin;
    seen.set(key, v);
    return -1;
  });
}

/**
 * A run's result at the prices of `plan` (a plan of a {@link priceTwins} twin): a copy with each
 * message step's price from `plan` and the figures derived from the tallies worked out again.
 */
export function repriced(result: SimulationResult, plan: SimulationPlan): SimulationResult {
  const out = structuredClone(result);
  for (const step of plan.steps) {
    const counted = out.steps[step.id];
    if (counted !== undefined) counted.costPerSend = step.message?.costPerSend ?? 0;
  }
  return deriveFigures(out);
}
