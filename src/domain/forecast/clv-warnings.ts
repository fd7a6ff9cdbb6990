import type { BgNbdParams, PurchaseHistory } from './bgnbd';
import type { ModelFit } from './bgnbd-fit';
import type { GammaGammaParams } from './gamma-gamma';

/** Why a CLV fit should not be trusted as it stands. */
export type ClvWarning =
  | { code: 'too-few-customers'; customers: number; minimum: number }
  | { code: 'no-repeat-buyers' }
  | { code: 'few-repeat-buyers'; repeatBuyers: number; minimum: number }
  | { code: 'dropout-vanishes'; a: number }
  | { code: 'dropout-degenerate'; b: number }
  | { code: 'spend-mean-undefined'; q: number }
  | { code: 'not-converged'; model: 'bgnbd' | 'gamma-gamma' };

/** Fewer customers than this give parameters too loose to read. */
export const MIN_CUSTOMERS = 100;
/** Fewer repeat buyers than this leave the spend model with little to learn from. */
export const MIN_REPEAT_BUYERS = 30;
/** `a` below this: the fitted drop-out probability is collapsing to 0 (a → 0). */
export const A_FLOOR = 1e-3;
/** `b` above this: the drop-out beta is running off to infinity (b → ∞). */
export const B_CEILING = 1e3;

/**
 * The warnings a CLV fit deserves: too few customers or repeat buyers, a drop-out model that has
 * run to a boundary (a → 0 or b → ∞: the likelihood had no interior maximum, so the figures
 * are artefacts of where the search stopped), a spend model whose population mean does not exist
 * (q ≤ 1), and an optimiser that did not converge. Structured, so the page words them.
 */
export function clvFitWarnings(
  histories: readonly PurchaseHistory[],
  bgnbd: ModelFit<BgNbdParams> | null,
  gammaGamma: ModelFit<GammaGammaParams> | null,
): ClvWarning[] {
  const out: ClvWarning[] = [];
  if (histories.length < MIN_CUSTOMERS) {
    out.push({ code: 'too-few-customers', customers: histories.length, minimum: MIN_CUSTOMERS });
  }
  const repeatBuyers = histories.filter((h) => h.x > 0).length;
  if (repeatBuyers === 0) out.push({ code: 'no-repeat-buyers' });
  else if (repeatBuyers < MIN_REPEAT_BUYERS) {
    out.push({ code: 'few-repeat-buyers', repeatBuyers, minimum: MIN_REPEAT_BUYERS });
  }
  if (bgnbd !== null) {
    if (bgnbd.params.a < A_FLOOR) out.push({ code: 'dropout-vanishes', a: bgnbd.params.a });
    if (bgnbd.params.b > B_CEILING) out.push({ code: 'dropout-degenerate', b: bgnbd.params.b });
    if (!bgnbd.converged) out.push({ code: 'not-converged', model: 'bgnbd' });
  }
  if (gammaGamma !== null) {
    if (gammaGamma.params.q <= 1) {
      out.push({ code: 'spend-mean-undefined', q: gammaGamma.params.q });
    }
    if (!gammaGamma.converged) out.push({ code: 'not-converged', model: 'gamma-gamma' });
  }
  return out;
}
