import type { Random } from '../random';

const WEEK_MS = 7 * 86_400_000;

/**
 * How generated customers buy: the BG/NBD model for when (Fader, Hardie and Lee 2005) and the
 * Gamma-Gamma model for how much, with time in weeks, the unit of the published fits. Fitting a
 * generated set recovers these parameters (tests/unit/profiles/generate-recovery.test.ts).
 */
export interface PurchaseModel {
  /** Share of profiles who ever buy; the others only browse. */
  buyerShare: number;
  /** Mean days from signup to the first purchase (exponential). */
  firstPurchaseDays: number;
  /** BG/NBD: repeat purchases are Poisson(λ) per week, λ ~ Gamma(shape r, rate α); after each repeat purchase the customer drops out for good with probability p ~ Beta(a, b). */
  bgnbd: { r: number; alpha: number; a: number; b: number };
  /** Gamma-Gamma: each order's value is Gamma(shape p, rate ν), ν ~ Gamma(shape q, rate γ); mean order value p γ / (q − 1). */
  gammaGamma: { p: number; q: number; gamma: number };
}

/**
 * CDNOW-like defaults: the BG/NBD parameters Fader, Hardie and Lee publish for the CDNOW sample
 * (r 0.243, α 4.414, a 0.793, b 2.426) and the Gamma-Gamma fit of its spend (p 6.25, q 3.74,
 * γ 15.44: mean order about $35).
 */
export const DEFAULT_PURCHASE_MODEL: PurchaseModel = {
  buyerShare: 0.7,
  firstPurchaseDays: 7,
  bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
};

/** A purchase model as options give it: any field left out takes its default. */
export interface PurchaseModelOptions {
  buyerShare?: number;
  firstPurchaseDays?: number;
  bgnbd?: Partial<PurchaseModel['bgnbd']>;
  gammaGamma?: Partial<PurchaseModel['gammaGamma']>;
}

/** The options' model over the defaults; throws a RangeError on a parameter out of range. */
export function resolvePurchaseModel(model: PurchaseModelOptions = {}): PurchaseModel {
  const out: PurchaseModel = {
    buyerShare: model.buyerShare ?? DEFAULT_PURCHASE_MODEL.buyerShare,
    firstPurchaseDays: model.firstPurchaseDays ?? DEFAULT_PURCHASE_MODEL.firstPurchaseDays,
    bgnbd: { ...DEFAULT_PURCHASE_MODEL.bgnbd, ...model.bgnbd },
    gammaGamma: { ...DEFAULT_PURCHASE_MODEL.gammaGamma, ...model.gammaGamma },
  };
  const positive = { ...out.bgnbd, ...out.gammaGamma };
  for (const [name, value] of Object.entries(positive)) {
    if (!(value > 0 && Number.isFinite(value)))
      throw new RangeError(`purchase model: ${name} must be a positive number, got ${value}`);
  }
  if (!(out.buyerShare >= 0 && out.buyerShare <= 1))
    throw new RangeError(`purchase model: buyerShare must be from 0 to 1, got ${out.buyerShare}`);
  if (!(out.firstPurchaseDays >= 0))
    throw new RangeError('purchase model: firstPurchaseDays must not be negative');
  return out;
}

/** One customer's drawn purchases: times (epoch ms, ascending) and values. */
export interface DrawnPurchases {
  times: number[];
  amounts: number[];
  /** The customer's purchase rate per week (0 for non-buyers), for the rest of the lifecycle. */
  ratePerWeek: number;
}

/**
 * Draws one customer's purchases in `[signupAt, end)`: whether they buy, a first purchase after
 * signup, then BG/NBD repeat purchases and Gamma-Gamma values. At most `maxOrders`.
 */
export function drawPurchases(
  random: Random,
  model: PurchaseModel,
  signupAt: number,
  end: number,
  maxOrders: number,
): DrawnPurchases {
  const none: DrawnPurchases = { times: [], amounts: [], ratePerWeek: 0 };
  if (!random.chance(model.buyerShare)) return none;
  const first = Math.floor(signupAt + random.exponential(model.firstPurchaseDays * 86_400_000));
  if (first >= end) return none;
  const { r, alpha, a, b } = model.bgnbd;
  const lambda = random.gamma(r, 1 / alpha);
  const x = random.gamma(a, 1);
  const dropout = x / (x + random.gamma(b, 1));
  const { p, q, gamma } = model.gammaGamma;
  const nu = random.gamma(q, 1 / gamma);
  const times = [first];
  const amount = () => Math.round(random.gamma(p, 1 / nu) * 100) / 100;
  const amounts = [amount()];
  let t = first;
  while (times.length < maxOrders && lambda > 0) {
    t += random.exponential(WEEK_MS / lambda);
    if (t >= end) break;
    times.push(Math.floor(t));
    amounts.push(amount());
    if (random.chance(dropout)) break;
  }
  return { times, amounts, ratePerWeek: lambda };
}
