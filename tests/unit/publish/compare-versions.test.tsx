// @vitest-environment jsdom
import '../../setup/dom-setup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackendHandlers } from '../../../mocks/backend-handlers';
import { createMockBackendState } from '../../../mocks/mock-backend-state';
import { saveBackendSettings } from '../../../src/api/backend-settings';
import { compile, validate, type JourneyDocument } from '../../../src/domain/index';
import { createEditorStore } from '../../../src/editor/index';
import { JourneyCanvas } from '../../../src/features/editor/canvas/journey-canvas';
import { CompareBanner } from '../../../src/features/publish/compare-banner';
import { PublishButton } from '../../../src/features/publish/publish-button';
import { diffSpecs } from '../../../src/features/publish/spec-diff';
import {
  compareMarks,
  type VersionComparison,
} from '../../../src/features/publish/version-comparison';
import { useDatabaseForTests } from '../../../src/storage/app-storage';
import { openWayfinderDb } from '../../../src/storage/db';
import { twoEditions } from './journeys';

const BASE = 'http://backend.test/api';
const state = createMockBackendState(() => new Date('2025-03-01T10:00:00.000Z'));
const server = setupServer(...createBackendHandlers(state, BASE));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  useDatabaseForTests(openWayfinderDb(`compare-${Math.random()}`));
  saveBackendSettings({ baseUrl: BASE, token: '', remember: false });
});
afterEach(() => {
  cleanup();
  state.reset();
  localStorage.clear();
});
afterAll(() => server.close());

function publish(document: JourneyDocument) {
  const { spec } = compile(document, { version: state.versions(document.id).length + 1 });
  if (spec === null) throw new Error('does not compile');
  return state.publish(`seed-${Math.random()}`, document.id, spec);
}

function specOf(document: JourneyDocument) {
  const { spec } = compile(document, { version: 1 });
  if (spec === null) throw new Error('does not compile');
  return spec;
}

describe('Compare versions from the versions list', () => {
  it('compares a published version with the draft, or two published versions, newer last', async () => {
    const { before, after } = twoEditions();
    publish(before);
    publish(after);
    const onCompare = vi.fn<(comparison: VersionComparison, returnFocus: () => void) => void>();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <PublishButton document={before} diagnostics={validate(before)} onCompare={onCompare} />
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    const publishButton = screen.getByRole('button', { name: 'Publish' });
    await user.click(publishButton);
    const dialog = await screen.findByRole('dialog', { name: /^Publish/ });
    const form = await within(dialog).findByRole('form', { name: 'Compare versions' });
    const show = within(form).getByRole('button', { name: 'Compare on the canvas' });

    // The same version on both sides is no comparison.
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Compare' }), '2');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'with' }), '2');
    expect(show).toBeDisabled();

    // Newer first in the selects: the comparison still runs from the older to the newer.
    await user.selectOptions(within(form).getByRole('combobox', { name: 'with' }), '1');
    await user.click(show);
    await waitFor(() => expect(onCompare).toHaveBeenCalledTimes(1));
    const [comparison, returnFocus] = onCompare.mock.calls[0] ?? [];
    expect(comparison).toMatchObject({ from: 1, to: 2 });
    expect(comparison?.diff.added.map((s) => s.id)).toEqual(['new-exit']);
    expect(comparison?.diff.removed.map((s) => s.id)).toEqual(['legacy-exit']);
    expect(comparison?.diff.changed.map((s) => s.id)).toContain('wait-2-days');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    returnFocus?.();
    expect(publishButton).toHaveFocus();

    // Version 2 against the draft (here the older edition again).
    await user.click(publishButton);
    const again = await screen.findByRole('form', { name: 'Compare versions' });
    expect(within(again).getByRole('combobox', { name: 'with' })).toHaveValue('draft');
    await user.click(within(again).getByRole('button', { name: 'Compare on the canvas' }));
    await waitFor(() => expect(onCompare).toHaveBeenCalledTimes(2));
    const [toDraft] = onCompare.mock.calls[1] ?? [];
    expect(toDraft).toMatchObject({ from: 2, to: 'draft' });
    expect(toDraft?.diff.added.map((s) => s.id)).toEqual(['legacy-exit']);
    expect(toDraft?.diff.settingsChanged).toEqual(['controlGroupPercent']);
  });
});

describe('A comparison on the canvas', () => {
  const { before, after } = twoEditions();
  const comparison: VersionComparison = {
    from: 1,
    to: 'draft',
    diff: diffSpecs(specOf(before), specOf(after)),
  };

  it('marks added and changed steps and leaves the others alone', () => {
    const store = createEditorStore(after);
    const marks = compareMarks(comparison.diff, { added: 'added', changed: 'changed' });
    render(<JourneyCanvas store={store} compare={marks} showPalette={false} showMiniMap={false} />);
    const face = (name: RegExp) =>
      screen.getByRole('group', { name }).querySelector<HTMLElement>('.step-node');
    const added = face(/New exit/);
    expect(added).toHaveClass('is-compare-added');
    expect(added).toHaveTextContent('added');
    const changed = face(/step: Wait 2 days/i);
    expect(changed).toHaveClass('is-compare-changed');
    expect(changed).toHaveTextContent('changed');
    const untouched = screen
      .getAllByRole('group')
      .map((g) => g.querySelector('.step-node'))
      .filter((n) => n !== null && !n.className.includes('is-compare'));
    expect(untouched.length).toBe(after.steps.length - 2);
  });

  it('names both sides, lists removed steps and settings, and stops on the button or Escape', async () => {
    const onStop = vi.fn();
    render(<CompareBanner comparison={comparison} onStop={onStop} />);
    const banner = screen.getByRole('region', { name: 'Compare versions' });
    expect(within(banner).getByRole('status')).toHaveTextContent('Comparing version 1 with Draft');
    expect(within(banner).getByRole('list', { name: 'Steps removed' })).toHaveTextContent(
      'Legacy exit',
    );
    expect(within(banner).getByRole('list', { name: 'Settings changed' })).toHaveTextContent(
      'controlGroupPercent',
    );
    const user = userEvent.setup();
    await user.click(within(banner).getByRole('button', { name: 'Stop comparing' }));
    expect(onStop).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onStop).toHaveBeenCalledTimes(2);
  });
});
