import type { Profile } from '../profiles/profile';
import { type ClvCustomer, type ClvModel, customerLifetimeValue } from './clv';
import { gammaGammaExpectedSpend } from './gamma-gamma';

/** A journey's simulated effect on one profile, e.g. the mean over replications of the difference to a baseline. */
export interface ProfileEffect {
  /** The profile id. */
  id: string;
  /** Extra purchases the journey caused (may be fractional, or negative when it cost sales). */
  extraPurchases: number;
  /** Extra revenue of those purchases; default extraPurchases × the profile's expected spend. */
  extraRevenue?: number;
}

/** Options for {@link projectedClvEffect}. */
export interface ClvEffectOptions {
  /** The future horizon valued after the journey, in weeks. */
  horizonWeeks: number;
  /** Discount rate per week; none by default. */
  discountRatePerWeek?: number;
  /** When the journey's purchases are placed (its end): `YYYY-MM-DD` or epoch ms; default the model's calibration end. */
  asOf?: string | number;
}

/** One profile's line in {@link ClvEffect}. */
export interface ProfileClvChange {
  /** The profile id. */
  id: string;
  /** Expected future value without the journey. */
  baseline: number;
  /** Expected future value with the journey's extra purchases in the history. */
  projected: number;
  /** The journey's extra revenue itself. */
  immediateRevenue: number;
}

/** The projected CLV effect of a journey over a profile set. */
export interface ClvEffect {
  /** Σ baseline future value over the profiles with an effect. */
  baselineValue: number;
  /** Σ projected future value over the same profiles. */
  projectedValue: number;
  /** projectedValue − baselineValue: the carry-over of the journey into later purchases. */
  futureValueChange: number;
  /** Σ extra revenue during the journey. */
  immediateRevenue: number;
  /** immediateRevenue + futureValueChange. */
  totalEffect: number;
  /** Per profile, in the order of `effects` (effects for unknown profile ids are skipped). */
  perProfile: ProfileClvChange[];
}

/**
 * Projects a journey's effect on customer lifetime value. Method: a purchase is also evidence
 * that the customer is alive and buys often, so besides its own revenue it raises the expected
 * value of every later period. For each profile with an effect:
 * 1. the baseline is the profile's CLV over the horizon from `asOf`, from its history as of `asOf`;
 * 2. the projected value re-scores the same profile with k extra purchase days placed at `asOf`
 *    (x + k, recency t_x = T, mean spend folded with the extra revenue per purchase); a profile
 *    without history becomes a customer whose first purchase is at `asOf` (x = k − 1, t_x = T = 0);
 * 3. a fractional expected count e (a mean over replications) is valued linearly between
 *    ⌊e⌋ and ⌈e⌉ extra purchases — exact when each replication adds one of those two — and a
 *    negative e by the marginal value of one purchase, max(0, CLV(0) + e·(CLV(1) − CLV(0))).
 * The journey's own revenue is reported apart (`immediateRevenue`) so it is not counted twice with
 * the simulator's revenue KPI; `totalEffect` adds the two.
 */
export function projectedClvEffect(
  model: ClvModel,
  baselineProfiles: readonly Profile[],
  effects: readonly ProfileEffect[],
  options: ClvEffectOptions,
): ClvEffect {
  const asOf = options.asOf ?? model.options.calibrationEnd;
  const byId = new Map(baselineProfiles.map((p) => [p.id, p]));
  const bg = model.bgnbd.params;
  const gg = model.gammaGamma.params;
  const clvOptions = {
    horizonWeeks: options.horizonWeeks,
    discountRatePerWeek: options.discountRatePerWeek,
    timeUnitDays: model.options.timeUnitDays,
  };
  const valueOf = (customer: ClvCustomer | undefined): number =>
    customer ? customerLifetimeValue(bg, gg, customer, clvOptions).value : 0;

  const perProfile: ProfileClvChange[] = [];
  for (const effect of effects) {
    const profile = byId.get(effect.id);
    if (!profile) continue;
    const history = model.history(profile, asOf);
    const ownSpend = gammaGammaExpectedSpend(gg, history?.x ?? 0, history?.zbar ?? 0);
    const e = effect.extraPurchases;
    const perPurchase =
      effect.extraRevenue !== undefined && e !== 0 ? effect.extraRevenue / e : ownSpend;
    const withExtra = (k: number): ClvCustomer | undefined => {
      if (k === 0) return history;
      if (!history) return { x: k - 1, t_x: 0, T: 0, zbar: k > 1 ? perPurchase : 0 };
      const x = history.x + k;
      return {
        x,
        t_x: history.T,
        T: history.T,
        zbar: (history.zbar * history.x + perPurchase * k) / x,
      };
    };
    const baseline = valueOf(history);
    let projected: number;
    if (e >= 0) {
      const low = Math.floor(e);
      const f = e - low;
      projected = (1 - f) * valueOf(withExtra(low)) + (f > 0 ? f * valueOf(withExtra(low + 1)) : 0);
    } else {
      projected = Math.max(0, baseline + e * (valueOf(withExtra(1)) - baseline));
    }
    perProfile.push({
      id: effect.id,
      baseline,
      projected,
      immediateRevenue: effect.extraRevenue ?? e * ownSpend,
    });
  }
  let baselineValue = 0;
  let projectedValue = 0;
  let immediateRevenue = 0;
  for (const line of perProfile) {
    baselineValue += line.baseline;
    projectedValue += line.projected;
    immediateRevenue += line.immediateRevenue;
  }
  const futureValueChange = projectedValue - baselineValue;
  return {
    baselineValue,
    projectedValue,
    futureValueChange,
    immediateRevenue,
    totalEffect: immediateRevenue + futureValueChange,
    perProfile,
  };
}
