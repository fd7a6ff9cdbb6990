// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SimulationResult } from '../../../src/domain/index.ts';
import { SuppressionsTable } from '../../../src/features/simulation/result-tables.tsx';
import { RefusedEntriesTable } from '../../../src/features/simulation/run-warnings.tsx';
import { SimulationResultView } from '../../../src/features/simulation/simulation-result.tsx';
import { inFrench } from '../../support/in-french.tsx';
import { fakeServices, runFor, welcomeSeries, withServices } from './helpers.tsx';

const NO_DROPS = { exit_criteria: 0, goal: 0, horizon: 0, frequency_cap: 0 };

/** A real run of the welcome series with the new reports replaced by `patch`. */
function renderResult(patch: (result: SimulationResult) => Partial<SimulationResult>) {
  const run = runFor(welcomeSeries());
  const result = { ...run.result, ...patch(run.result) };
  const onFocusStep = vi.fn<(id: string) => void>();
  render(
    withServices(
      fakeServices().services,
      <SimulationResultView
        run={{ ...run, result }}
        stale={false}
        onFocusStep={onFocusStep}
        onPath={vi.fn()}
      />,
    ),
  );
  return { result, onFocusStep };
}

/** Every channel's deferred-then-dropped counts set to zero. */
function withoutDrops(result: SimulationResult): SimulationResult['channels'] {
  const channels = { ...result.channels };
  for (const channel of Object.keys(channels) as (keyof typeof channels)[]) {
    channels[channel] = { ...channels[channel], deferredDropped: NO_DROPS };
  }
  return channels;
}

describe('run warnings in the result view', () => {
  it('warns about stopped profiles, naming the steps, each of which focuses the step', async () => {
    const { result, onFocusStep } = renderResult((r) => {
      const [first, second] = Object.values(r.steps);
      if (!first || !second) throw new Error('the welcome series has at least two steps');
      return {
        stopped: {
          profiles: 1234,
          byStep: { [first.stepId]: 34, [second.stepId]: 1200 },
          profileIds: ['p-001', 'p-002', 'p-003', 'p-004', 'p-005', 'p-006'],
        },
      };
    });
    const warning = screen.getByRole('region', {
      name: '1,234 profiles were stopped: the journey loops',
    });
    expect(warning).toHaveTextContent(/without enough waiting/);
    const table = within(warning).getByRole('table', { name: 'Where profiles were stopped' });
    const rows = within(table).getAllByRole('row').slice(1);
    const [first, second] = Object.values(result.steps);
    // The step that stopped most comes first.
    expect(rows[0]).toHaveTextContent(`${second?.label}1,200`);
    expect(rows[1]).toHaveTextContent(`${first?.label}34`);
    await userEvent.setup().click(within(table).getByRole('button', { name: second?.label }));
    expect(onFocusStep).toHaveBeenCalledWith(second?.stepId);
    expect(warning).toHaveTextContent('p-001, p-002, p-003, p-004, p-005 and 1,229 more');
  });

  it('lists refused entry attempts by reason, leaving out reasons with none', () => {
    renderResult(() => ({ entriesRefused: { active_run: 4321, reentry_never: 0, cooldown: 7 } }));
    const table = screen.getByRole('table', { name: 'Entry attempts refused' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Already in the journey4,321',
      'Re-entry cooldown not over7',
    ]);
  });

  it('names the refusal reasons in French too', () => {
    const run = runFor(welcomeSeries());
    const result = {
      ...run.result,
      entriesRefused: { active_run: 2, reentry_never: 3, cooldown: 4 },
    };
    inFrench(<RefusedEntriesTable result={result} />);
    const table = screen.getByRole('table', { name: 'Tentatives d’entrée refusées' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Déjà dans le parcours',
      'Nouvelle entrée non autorisée',
      'Délai avant nouvelle entrée pas écoulé',
    ]);
  });

  it('adds deferred-then-dropped columns to the suppressions table, by channel and reason', () => {
    renderResult((r) => {
      const channels = withoutDrops(r);
      channels.email = {
        ...channels.email,
        deferredDropped: { ...NO_DROPS, goal: 12, horizon: 3045 },
      };
      return { channels };
    });
    const table = screen.getByRole('table', { name: 'Suppressed messages by cause' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toContain('Deferred, not sent (goal reached)');
    expect(headers).toContain('Deferred, not sent (simulation ended)');
    expect(headers).not.toContain('Deferred, not sent (exit criteria)');
    expect(headers).not.toContain('Deferred, not sent (frequency cap)');
    const email = within(table).getByRole('rowheader', { name: 'Email' }).closest('tr');
    if (!email) throw new Error('no email row');
    const cells = within(email).getAllByRole('cell');
    expect(cells.at(-2)).toHaveTextContent('12');
    expect(cells.at(-1)).toHaveTextContent('3,045');
  });

  it('names the deferred-then-dropped columns in French too', () => {
    const { result } = runFor(welcomeSeries());
    const channels = withoutDrops(result);
    channels.email = {
      ...channels.email,
      deferredDropped: { ...NO_DROPS, exit_criteria: 2, frequency_cap: 1 },
    };
    inFrench(<SuppressionsTable result={{ ...result, channels }} />);
    const table = screen.getByRole('table', { name: 'Messages supprimés par cause' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.slice(-2)).toEqual([
      'Reportés, non envoyés (critères de sortie)',
      'Reportés, non envoyés (plafond de fréquence)',
    ]);
  });

  it('shows none of them for a run without stops, refusals or dropped deferrals', () => {
    renderResult((r) => ({
      stopped: { profiles: 0, byStep: {}, profileIds: [] },
      entriesRefused: { active_run: 0, reentry_never: 0, cooldown: 0 },
      channels: withoutDrops(r),
    }));
    expect(screen.queryByRole('region', { name: /stopped/ })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Where profiles were stopped' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Entry attempts refused' })).toBeNull();
    const table = screen.getByRole('table', { name: 'Suppressed messages by cause' });
    expect(within(table).queryByRole('columnheader', { name: /Deferred, not sent/ })).toBeNull();
  });
});
