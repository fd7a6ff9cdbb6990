// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createJourney, sequentialIds } from '../../../src/domain/index.ts';
import {
  REGISTERED_COMMANDS,
  createEditorStore,
  formatShortcut,
} from '../../../src/editor/index.ts';
import { JourneyCanvas } from '../../../src/features/editor/canvas/journey-canvas.tsx';

function storeWithTwoSteps() {
  const store = createEditorStore(
    createJourney('Commands', 0, () => 'j1'),
    { newId: sequentialIds('s') },
  );
  store.dispatch('addStep', { kind: 'event', position: { x: 0, y: 0 } });
  store.dispatch('addStep', { kind: 'email', position: { x: 300, y: 0 } });
  store.dispatch('clearSelection');
  return store;
}

describe('registered commands drive the canvas keys, toolbar and help', () => {
  it('the toolbar shows the registered toolbar commands, in order', () => {
    render(<JourneyCanvas store={storeWithTwoSteps()} showPalette={false} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Canvas tools' });
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label') ?? b.textContent),
    ).toEqual(REGISTERED_COMMANDS.filter((c) => c.toolbar === true).map((c) => c.label));
  });

  it('the help dialog lists every registered shortcut with its keys', async () => {
    const user = userEvent.setup();
    render(<JourneyCanvas store={storeWithTwoSteps()} showPalette={false} />);
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row');
    const keyed = REGISTERED_COMMANDS.filter((c) => (c.shortcuts ?? []).length > 0);
    expect(rows).toHaveLength(keyed.length);
    keyed.forEach((command, i) => {
      const row = rows[i] as HTMLElement;
      expect(row).toHaveTextContent(command.description ?? command.label);
      for (const keys of command.shortcuts ?? [])
        expect(within(row).getByText(formatShortcut(keys, false))).toBeVisible();
    });
  });

  it('registered keys run their commands: cut removes the selection, undo brings it back', async () => {
    const user = userEvent.setup();
    const store = storeWithTwoSteps();
    render(<JourneyCanvas store={store} showPalette={false} />);
    const [, email] = store.getState().document.steps;
    act(() => void store.dispatch('setSelection', { stepIds: [email?.id ?? ''] }));
    await user.keyboard('{Control>}x{/Control}');
    expect(store.getState().document.steps).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Cut to the clipboard');
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().document.steps).toHaveLength(2);
    await user.keyboard('{Control>}{Shift>}Z{/Shift}{/Control}');
    expect(store.getState().document.steps).toHaveLength(1);
  });

  it('deleting the focused step from the keyboard leaves focus on the step before it, not on the page', async () => {
    const user = userEvent.setup();
    const store = storeWithTwoSteps();
    store.dispatch('addStep', { kind: 'delay', position: { x: 600, y: 0 } });
    const [event, email, delay] = store.getState().document.steps.map((s) => s.id);
    store.dispatch('connect', { from: event ?? '', branch: 'next', to: email ?? '' });
    store.dispatch('connect', { from: email ?? '', branch: 'next', to: delay ?? '' });
    store.dispatch('clearSelection');
    render(<JourneyCanvas store={store} showPalette={false} />);
    const canvas = screen.getByRole('application', { name: 'Journey canvas' });
    act(() =>
      within(canvas)
        .getByRole('group', { name: /^Email step/ })
        .focus(),
    );
    await user.keyboard('{Enter}'); // selects the focused step
    await user.keyboard('{Delete}');
    expect(store.getState().document.steps.map((s) => s.id)).toEqual([event, delay]);
    await waitFor(() =>
      expect(within(canvas).getByRole('group', { name: /^Event step/ })).toHaveFocus(),
    );
    // The first step has nothing before it: focus goes on along the arrows.
    await user.keyboard('{Delete}');
    await waitFor(() =>
      expect(within(canvas).getByRole('group', { name: /^Delay step/ })).toHaveFocus(),
    );
    // The last one: focus goes to where an empty journey begins.
    await user.keyboard('{Delete}');
    expect(store.getState().document.steps).toHaveLength(0);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Add a trigger' })).toHaveFocus(),
    );
  });

  it('the toolbar runs the same commands as the keys', async () => {
    const user = userEvent.setup();
    const store = storeWithTwoSteps();
    render(<JourneyCanvas store={store} showPalette={false} />);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().document.steps).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(store.getState().document.steps).toHaveLength(2);
  });

  it('Escape clears the selection with focus on a page button outside the canvas, but not in a field', async () => {
    const user = userEvent.setup();
    const store = storeWithTwoSteps();
    render(
      <>
        <button type="button">Publish</button>
        <input aria-label="Subject" />
        <JourneyCanvas store={store} showPalette={false} />
      </>,
    );
    const [, email] = store.getState().document.steps;
    act(() => void store.dispatch('setSelection', { stepIds: [email?.id ?? ''] }));
    screen.getByRole('textbox', { name: 'Subject' }).focus();
    await user.keyboard('{Escape}');
    expect(store.getState().selection.stepIds).toEqual([email?.id]);
    screen.getByRole('button', { name: 'Publish' }).focus();
    await user.keyboard('{Escape}');
    expect(store.getState().selection.stepIds).toEqual([]);
  });
});
