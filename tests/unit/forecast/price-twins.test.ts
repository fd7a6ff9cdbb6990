import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/domain/channels.ts';
import { priceTwins, repriced } from '../../../src/domain/forecast/price-twins.ts';
import type { SimulationOptions } from '../../../src/domain/simulate/options.ts';
import { DEFAULT_CHANNEL_BEHAVIOUR } from '../../../src/domain/simulate/options.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { withResolvedWindow } from '../../../src/domain/simulate/window.ts';
import { DAYS, forEveryCase, START } from '../simulate/random-cases.ts';

/** Every channel's price times `factor` (as the sensitivity's cost settings ask). */
function pricedAt(factor: number): SimulationOptions {
  return {
    behaviour: Object.fromEntries(
      CHANNELS.map((c) => [c, { costPerSend: DEFAULT_CHANNEL_BEHAVIOUR[c].costPerSend * factor }]),
    ),
  };
}

describe('price twins: variants that differ only in the price of a message', () => {
  it('finds them, whatever the order of the options’ keys, and no others', () => {
    const spec = { id: 'same' } as never;
    const period = { start: START, horizonDays: DAYS };
    const twins = priceTwins([
      { spec, options: period },
      { spec, options: { ...pricedAt(0.5), ...period } },
      { spec, options: { behaviour: { email: { openRate: 0.5 } }, ...period } },
      { spec, options: { horizonDays: DAYS, start: START, ...pricedAt(1.5) } },
      { spec, options: { behaviour: { email: { costPerSend: 1, openRate: 0.5 } }, ...period } },
      { spec: { id: 'other' } as never, options: period },
      { spec, options: { ...period, seed: 'another' } },
    ]);
    expect(twins).toEqual([-1, 0, -1, 0, 2, -1, -1]);
  });

  it(
    'repricing the twin’s run gives the variant’s own run, bit for bit',
    { timeout: 120_000 },
    () => {
      forEveryCase(
        (spec, profiles, seed) => {
          const base = { seed, start: START, horizonDays: DAYS, traceSample: 2 };
          const factor = 0.25 + (seed % 7) / 2;
          const cheaper = { ...base, ...pricedAt(factor) };
          const twinRun = simulate(spec, profiles, base);
          const plan = createSimulationPlan(spec, withResolvedWindow(cheaper, profiles));
          const own = simulate(spec, profiles, cheaper);
          expect(JSON.stringify(repriced(twinRun, plan))).toBe(JSON.stringify(own));
          // The twin's result is left as it was.
          expect(JSON.stringify(twinRun)).toBe(JSON.stringify(simulate(spec, profiles, base)));
        },
        100,
        20261208,
      );
    },
  );
});
