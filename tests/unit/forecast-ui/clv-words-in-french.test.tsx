// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { runClv } from '../../../src/domain/forecast/clv-report.ts';
import type { ClvReport } from '../../../src/domain/forecast/clv-fit-report.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import type { PurchaseModelOptions } from '../../../src/domain/profiles/generate/purchase-model.ts';
import { ClvPanel } from '../../../src/features/forecast/clv-panel.tsx';
import { ClvParameters } from '../../../src/features/forecast/clv/clv-parameters.tsx';
import { saveCurrencyPreference } from '../../../src/i18n/currency-preference.ts';
import { inFrench } from '../../support/in-french.tsx';
import { clvPanelSet } from '../../support/clv-panel-set.ts';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

afterEach(() => localStorage.clear());

/** The forecast page's CLV panel over a stored set of generated profiles, in French. */
async function frenchPanel(purchases: PurchaseModelOptions, options: { deleted?: boolean } = {}) {
  const { view, setId } = await clvPanelSet(purchases, {
    count: 300,
    variant: 'Bienvenue',
    setName: 'Clients',
    ...options,
  });
  inFrench(<ClvPanel view={view} setId={setId} />);
}

/** One purchase each: a set with buyers but no repeat buyer. */
function oneOrderEach(count: number): Profile[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p-${i}`,
    attributes: { consent: {}, tags: [], custom: {} },
    events: [{ name: 'order_placed', at: NOW - (i + 1) * DAY, props: { amount: 20 } }],
  }));
}

describe('the CLV panel says why a fit failed in the reader’s words', () => {
  it('codes the data’s reason when a fit throws, instead of the fitter’s English', () => {
    const outcome = runClv({ profiles: oneOrderEach(5), calibrationEnd: NOW, horizonWeeks: 52 });
    expect(outcome).toMatchObject({ ok: false, reason: 'no-repeat-buyers' });
    const none = runClv({ profiles: [], calibrationEnd: NOW, horizonWeeks: 52 });
    expect(none).toMatchObject({ ok: false, reason: 'no-purchases' });
  });

  it('in French, for a set with no purchase', async () => {
    await frenchPanel({ buyerShare: 0 });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Les modèles de CLV n’ont pas pu être ajustés à cet ensemble : aucun profil n’a d’achat (un événement order_placed).',
    );
    expect(alert).not.toHaveTextContent(/needs|customer/);
  });

  it('in French, for a set deleted before the fit read it', async () => {
    await frenchPanel({}, { deleted: true });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Les modèles de CLV n’ont pas pu être ajustés à cet ensemble. L’ensemble de profils n’existe plus',
    );
  });

  it('words a degenerate fit in French, with the customers it rests on', async () => {
    await frenchPanel({ buyerShare: 1, bgnbd: { r: 0.5, alpha: 2, a: 1e-9, b: 50 } });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^L’ajustement du modèle d’achat est dégénéré : selon lui, personne n’arrête jamais d’acheter \(a = [\d,]+E-\d+\), car les historiques ne montrent aucun abandon\. Les valeurs vie client ci-dessous ne sont pas fiables\.$/,
    );
  });
});

const fitted: Extract<ClvReport, { ok: true }> = {
  ok: true,
  calibrationEnd: '1997-09-30',
  lastPurchase: '1998-06-30',
  bgnbd: {
    params: { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 },
    logLikelihood: -9582.43,
    customers: 60,
    evaluations: 1,
    converged: false,
    degenerate: { reason: 'too_few_customers', message: 'Only 60 customers (stored English).' },
  },
  gammaGamma: {
    params: { p: 6.25, q: 3.74, gamma: 15.44 },
    logLikelihood: -1.5,
    customers: 12,
    evaluations: 1,
    converged: true,
    degenerate: null,
  },
  customers: 60,
  repeatBuyers: 12,
  warnings: [
    { code: 'bgnbd-degenerate', reason: 'too_few_customers', message: 'stored English' },
    { code: 'few-repeat-buyers', repeatBuyers: 12, minimum: 30 },
    { code: 'spend-mean-undefined', q: 0.8 },
    { code: 'not-converged', model: 'bgnbd' },
  ],
  holdout: null,
  valueQuantiles: { p50: 5, p90: 60, max: 200 },
};

describe('the CLV parameters', () => {
  it('give γ the workspace currency, not always dollars', () => {
    saveCurrencyPreference('GBP');
    render(<ClvParameters report={fitted} />);
    expect(screen.getByRole('row', { name: /γ/ })).toHaveTextContent('scale across customers (£)');
    expect(screen.queryByText(/\(\$\)/)).toBeNull();
  });

  it('in French, follow the euro by default and word every warning with no English', () => {
    inFrench(<ClvParameters report={fitted} />);
    expect(screen.getByRole('row', { name: /γ/ })).toHaveTextContent('échelle entre clients (€)');
    const NBSP = /\u00a0/g;
    const warnings = screen
      .getAllByRole('listitem')
      .map((item) => item.textContent?.replace(NBSP, ' '));
    expect(warnings).toEqual([
      'L’ajustement du modèle d’achat est dégénéré : il ne repose que sur 60 clients, alors qu’il en faut au moins 100 pour un ajustement fiable. Déplacez la fin de la calibration ou ajoutez de l’historique.',
      'Seuls 12 clients ont racheté (moins de 30) : le modèle de dépense repose sur très peu de personnes.',
      'Le q du modèle de dépense vaut 0,8000 (≤ 1) : la dépense du client moyen n’est pas définie, donc les valeurs des nouveaux clients ne sont pas affichées.',
      'L’ajustement BG/NBD n’a pas convergé : ses paramètres ne sont peut-être pas les meilleurs.',
    ]);
  });
});
