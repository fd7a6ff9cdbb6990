import type { BgNbdParams, PurchaseHistory } from './bgnbd';
import type { DegenerateFit, ModelFit } from './bgnbd-fit';
import type { GammaGammaParams } from './gamma-gamma';

/** Why a CLV fit should not be trusted as it stands. */
export type ClvWarning =
  | { code: 'bgnbd-degenerate'; reason: DegenerateFit['reason']; message: string }
  | { code: 'few-repeat-buyers'; repeatBuyers: number; minimum: number }
  | { code: 'spend-mean-undefined'; q: number }
  | { code: 'not-converged'; model: 'bgnbd' | 'gamma-gamma' };

/** Fewer repeat buyers than this leave the spend model with little to learn from. */
export const MIN_REPEAT_BUYERS = 30;

/**
 * The warnings a CLV fit deserves: the BG/NBD fit's own degenerate flag (too few customers, no
 * repeat buyers, a → 0 or b → ∞; see `bgnbdDegeneracy`), too few repeat buyers for the spend
 * model, a spend model whose population mean does not exist (q ≤ 1), and an optimiser that did
 * not converge. Structured, so the page words them.
 */
export function clvFitWarnings(
  histories: readonly PurchaseHistory[],
  bgnbd: ModelFit<BgNbdParams> | null,
  gammaGamma: ModelFit<GammaGammaParams> | null,
): ClvWarning[] {
  const out: ClvWarning[] = [];
  if (bgnbd?.degenerate) {
    out.push({ code: 'bgnbd-degenerate', ...bgnbd.degenerate });
  }
  const repeatBuyers = histories.filter((h) => h.x > 0).length;
  if (repeatBuyers > 0 && repeatBuyers < MIN_REPEAT_BUYERS) {
    out.push({ code: 'few-repeat-buyers', repeatBuyers, minimum: MIN_REPEAT_BUYERS });
  }
  if (bgnbd !== null && !bgnbd.converged) out.push({ code: 'not-converged', model: 'bgnbd' });
  if (gammaGamma !== null) {
    if (gammaGamma.params.q <= 1) {
      out.push({ code: 'spend-mean-undefined', q: gammaGamma.params.q });
    }
    if (!gammaGamma.converged) out.push({ code: 'not-converged', model: 'gamma-gamma' });
  }
  return out;
}
