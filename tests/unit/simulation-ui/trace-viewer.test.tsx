// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TraceViewer } from '../../../src/features/simulation/trace-viewer.tsx';
import { resultFor, welcomeSeries } from './helpers.tsx';

describe('TraceViewer', () => {
  const document = welcomeSeries();
  const result = resultFor(document);

  it('shows one who converted: its steps with reasons, its path lit, a row focuses its step', async () => {
    const onPath = vi.fn();
    const onFocusStep = vi.fn();
    render(<TraceViewer result={result} onPath={onPath} onFocusStep={onFocusStep} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show one who converted' }));
    const timeline = screen.getByRole('region', { name: /^Trace of / });
    const table = within(timeline).getAllByRole('table')[0];
    if (!table) throw new Error('no timeline table');
    expect(table).toHaveAccessibleName(/converted/);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(1);
    expect(within(table).getByRole('cell', { name: /went "No"|went "Yes"/ })).toBeVisible();
    const path = onPath.mock.calls.at(-1)?.[0] as string[];
    const trigger = document.steps.find((s) => s.kind === 'event');
    expect(path[0]).toBe(trigger?.id);
    await user.click(within(table).getByRole('button', { name: trigger?.label ?? '' }));
    expect(onFocusStep).toHaveBeenCalledWith(trigger?.id);
  });

  it('finds a traced profile by id and says when none matches', async () => {
    const onPath = vi.fn();
    render(<TraceViewer result={result} onPath={onPath} onFocusStep={() => undefined} />);
    const user = userEvent.setup();
    const id = result.traces[3]?.profileId ?? '';
    await user.type(screen.getByRole('combobox', { name: 'Profile id' }), id);
    await user.click(screen.getByRole('button', { name: 'Show trace' }));
    expect(screen.getByRole('region', { name: `Trace of ${id}` })).toBeVisible();
    await user.clear(screen.getByRole('combobox', { name: 'Profile id' }));
    await user.type(screen.getByRole('combobox', { name: 'Profile id' }), 'nobody-here');
    await user.click(screen.getByRole('button', { name: 'Show trace' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'No traced profile matches “nobody-here”.',
    );
    expect(onPath).toHaveBeenLastCalledWith(null);
  });

  it('offers no held-out example when the journey has no control group', () => {
    render(<TraceViewer result={result} onPath={() => undefined} onFocusStep={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Show one held out' })).toBeDisabled();
  });
});
