// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TEMPLATES, type JourneyDocument } from '../../../src/domain/index.ts';
import { EditorPage } from '../../../src/features/editor/editor-page.tsx';
import type { EditorSlots } from '../../../src/features/editor/editor-workspace.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { deleteJourney, openJourney, saveJourney } from '../../../src/storage/journey-documents.ts';

function welcome(): JourneyDocument {
  const found = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (found === undefined) throw new Error('no template');
  return { ...found.build(Date.UTC(2026, 0, 2)), id: 'j1', name: 'Welcome series' };
}

function renderEditor(slots: EditorSlots = {}) {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/journeys/j1']}>
        <Routes>
          <Route path="/journeys/:journeyId" element={<EditorPage {...slots} />} />
          <Route path="/" element={<h1>Journey list</h1>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const journalKeys = () =>
  Object.keys(localStorage).filter((key) => key.startsWith('wayfinder.journal:'));

function journalEntry(baseRevision: number, document: JourneyDocument, tabId = 'closed-tab') {
  localStorage.setItem(
    `wayfinder.journal:j1:${tabId}`,
    JSON.stringify({ v: 1, journeyId: 'j1', tabId, baseRevision, writtenAt: Date.now(), document }),
  );
}

const nameField = () => screen.findByRole('textbox', { name: 'Name' });
const saveStatus = () => screen.getByText(/^(Saving…|All changes saved|Not saved)/);

beforeEach(async () => {
  localStorage.clear();
  useDatabaseForTests(openWayfinderDb(`editor-page-${Math.random()}`));
  await saveJourney(welcome());
});

describe('the editor page', () => {
  it('journals an edit the moment it is made, and clears it once saved', async () => {
    renderEditor();
    fireEvent.change(await nameField(), { target: { value: 'Renamed' } });
    // Synchronously: a reload right now would find it.
    expect(journalKeys()).toHaveLength(1);
    expect(localStorage.getItem(journalKeys()[0] ?? '')).toContain('"name":"Renamed"');
    await waitFor(() => expect(saveStatus()).toHaveTextContent('All changes saved'));
    expect((await openJourney('j1'))?.document.name).toBe('Renamed');
    expect((await openJourney('j1'))?.revision).toBe(2);
    expect(journalKeys()).toEqual([]);
  });

  it('replays edits a reload cut off before they were saved', async () => {
    journalEntry(1, { ...welcome(), name: 'Typed just before the reload' });
    renderEditor();
    expect(await nameField()).toHaveValue('Typed just before the reload');
    await waitFor(async () =>
      expect((await openJourney('j1'))?.document.name).toBe('Typed just before the reload'),
    );
    await waitFor(() => expect(saveStatus()).toHaveTextContent('All changes saved'));
    expect(journalKeys()).toEqual([]);
  });

  it('opens a journal made on another revision as a conflict, never over the newer save', async () => {
    journalEntry(1, { ...welcome(), name: 'Mine, from revision 1' });
    await saveJourney({ ...welcome(), name: 'Saved since, revision 2' });
    const user = userEvent.setup();
    renderEditor();
    const dialog = await screen.findByRole('dialog', {
      name: 'This journey was changed elsewhere',
    });
    expect(within(dialog).getByRole('region', { name: 'Your version' })).toHaveTextContent(
      'Mine, from revision 1',
    );
    expect(within(dialog).getByRole('region', { name: 'Saved version' })).toHaveTextContent(
      'Saved since, revision 2',
    );
    expect(dialog).toHaveTextContent(
      'Name: yours “Mine, from revision 1”, saved “Saved since, revision 2”',
    );
    expect((await openJourney('j1'))?.document.name).toBe('Saved since, revision 2');
    await user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () =>
      expect((await openJourney('j1'))?.document.name).toBe('Mine, from revision 1'),
    );
    expect((await openJourney('j1'))?.revision).toBe(3);
  });

  it('takes the saved version when asked, dropping the journal', async () => {
    journalEntry(1, { ...welcome(), name: 'Mine' });
    await saveJourney({ ...welcome(), name: 'Theirs' });
    const user = userEvent.setup();
    renderEditor();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Take the saved version' }));
    expect(await nameField()).toHaveValue('Theirs');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(journalKeys()).toEqual([]);
    expect((await openJourney('j1'))?.revision).toBe(2);
  });

  it('saves mine as a copy and keeps the saved version here', async () => {
    journalEntry(1, { ...welcome(), name: 'Mine' });
    await saveJourney({ ...welcome(), name: 'Theirs' });
    const user = userEvent.setup();
    renderEditor();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Save mine as a copy' }));
    expect(await screen.findByRole('link', { name: 'Open the copy' })).toBeVisible();
    expect(await nameField()).toHaveValue('Theirs');
    const copyId = screen
      .getByRole('link', { name: 'Open the copy' })
      .getAttribute('href')
      ?.replace('/journeys/', '');
    expect((await openJourney(copyId ?? ''))?.document.name).toBe('Mine (my copy)');
  });

  it('sets an unreadable journal aside with a notice and opens what is stored', async () => {
    localStorage.setItem('wayfinder.journal:j1:closed-tab', '{"v":1,"journeyId":"j1","docu');
    renderEditor();
    expect(await nameField()).toHaveValue('Welcome series');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'A local copy of unsaved edits to this journey could not be read, so it was not applied.',
    );
    expect(journalKeys()).toEqual([]);
    expect(
      Object.keys(localStorage).some((k) => k.startsWith('wayfinder.journal-unreadable:')),
    ).toBe(true);
  });

  it('keeps a panel that fails inside its box; the editor and the user’s work carry on', async () => {
    function Broken(): never {
      throw new Error('panel bug');
    }
    // React and the boundary report the failure on the console; that is expected here.
    const quiet = [
      vi.spyOn(console, 'error').mockImplementation(() => undefined),
      vi.spyOn(console, 'warn').mockImplementation(() => undefined),
    ];
    try {
      renderEditor({ renderHeaderActions: () => <Broken /> });
      expect(await nameField()).toHaveValue('Welcome series');
      expect(screen.getByRole('alert')).toHaveTextContent(
        'The header actions could not be shown. Your journey is not affected.',
      );
      fireEvent.change(await nameField(), { target: { value: 'Still editing' } });
      await waitFor(() => expect(saveStatus()).toHaveTextContent('All changes saved'));
      expect((await openJourney('j1'))?.document.name).toBe('Still editing');
    } finally {
      for (const spy of quiet) spy.mockRestore();
    }
  });

  it('two editors of one journey: the unmodified one follows, edits in both end in a conflict', async () => {
    renderEditor();
    renderEditor();
    await waitFor(() => expect(screen.getAllByRole('textbox', { name: 'Name' })).toHaveLength(2));
    const [first, second] = screen.getAllByRole('textbox', { name: 'Name' });
    if (!first || !second) throw new Error('two editors expected');
    fireEvent.change(first, { target: { value: 'From the first' } });
    await waitFor(() => expect(second).toHaveValue('From the first'));

    fireEvent.change(first, { target: { value: 'First again' } });
    fireEvent.change(second, { target: { value: 'Second at the same time' } });
    const dialog = await screen.findByRole('dialog', {
      name: 'This journey was changed elsewhere',
    });
    expect(within(dialog).getByRole('region', { name: 'Your version' })).toHaveTextContent(
      'Second at the same time',
    );
    expect(within(dialog).getByRole('region', { name: 'Saved version' })).toHaveTextContent(
      'First again',
    );
    expect(screen.getAllByText('All changes saved')).toHaveLength(1);
    expect(screen.getByText('Not saved: changed elsewhere')).toBeVisible();
    expect((await openJourney('j1'))?.document.name).toBe('First again');
  });

  it('says when the journey is deleted elsewhere, and can leave it deleted', async () => {
    const user = userEvent.setup();
    renderEditor();
    expect(await nameField()).toHaveValue('Welcome series');
    await deleteJourney('j1');
    const dialog = await screen.findByRole('dialog', {
      name: 'This journey was deleted elsewhere',
    });
    expect(within(dialog).queryByRole('button', { name: 'Take the saved version' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Leave it deleted' }));
    expect(await screen.findByRole('heading', { name: 'Journey list' })).toBeVisible();
    expect(await openJourney('j1')).toBeUndefined();
    expect(journalKeys()).toEqual([]);
  });
});
