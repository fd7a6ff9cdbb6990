// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PurchaseModelOptions } from '../../../src/domain/profiles/generate/purchase-model.ts';
import { ClvPanel } from '../../../src/features/forecast/clv-panel.tsx';
import { clvPanelSet } from '../../support/clv-panel-set.ts';

async function panelFor(purchases: PurchaseModelOptions) {
  const { view, setId } = await clvPanelSet(purchases, {
    count: 1_500,
    variant: 'Welcome',
    setName: 'Customers',
  });
  render(<ClvPanel view={view} setId={setId} />);
}

describe('ClvPanel', () => {
  it('warns when the BG/NBD fit is degenerate (nobody ever drops out)', async () => {
    await panelFor({ buyerShare: 1, bgnbd: { r: 0.5, alpha: 2, a: 1e-9, b: 50 } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^The purchase model’s fit is degenerate: it says nobody ever stops buying \(a = [\d.]+E-\d+\), as the histories show no dropout\. The lifetime values below are not reliable\.$/,
    );
  });

  it('shows the fit without a warning for CDNOW-like purchase histories', async () => {
    await panelFor({});
    expect(await screen.findByText(/Fitted by maximum likelihood/)).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
