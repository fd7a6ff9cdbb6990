// @vitest-environment jsdom
import '../../setup/dom-setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/domain/index';
import { PublishWarnings } from '../../../src/features/publish/publish-outcome';
import { inFrench } from '../../support/in-french';

const steps = [
  { id: 'ordered-yet', label: 'Commande passée ?' },
  { id: 'everyone', label: 'Tout le monde' },
];

const warnings: Diagnostic[] = [
  {
    severity: 'warning',
    code: 'look-back-beyond-retention',
    message: 'Step ordered-yet counts events over the last 450 days…',
    stepId: 'ordered-yet',
    field: 'condition.rules.0.withinDays',
    params: { lookBackDays: 450, retentionDays: 400 },
  },
  {
    severity: 'warning',
    code: 'look-back-all-time',
    message: 'Step everyone counts events over all time…',
    stepId: 'everyone',
    field: 'condition.rules.0.withinDays',
    params: { retentionDays: 400 },
  },
];

describe('the warnings of a publish', () => {
  it('are said in French, each on its step, as warnings', () => {
    inFrench(<PublishWarnings warnings={warnings} steps={steps} onShowStep={() => {}} />);
    const region = screen.getByRole('region', { name: '2 avertissements du backend' });
    const [beyond, allTime] = within(within(region).getByRole('list')).getAllByRole('listitem');
    expect(beyond).toHaveTextContent(
      'Commande passée ? : Compte les événements des 450 derniers jours, mais le backend ne garde les événements que 400 jours',
    );
    expect(allTime).toHaveTextContent(
      'Tout le monde : Compte les événements depuis toujours, mais le backend ne garde les événements que 400 jours',
    );
    for (const item of [beyond, allTime])
      expect(within(item as HTMLElement).getByText('Avertissement')).toHaveClass('badge-warning');
    for (const d of warnings) expect(region).not.toHaveTextContent(d.message);
    expect(
      within(region)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Commande passée ?', 'Tout le monde']);
  });

  it('show nothing when there are none', () => {
    const { container } = inFrench(<PublishWarnings warnings={[]} steps={steps} />);
    expect(container).toBeEmptyDOMElement();
  });
});
