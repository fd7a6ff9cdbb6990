// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  TEMPLATES,
  compile,
  createJourney,
  specToJson,
  type JourneyDocument,
} from '../../../src/domain/index.ts';
import { JourneyListPage } from '../../../src/features/journeys/journey-list-page.tsx';
import { journeyToFileText } from '../../../src/domain/index.ts';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { inFrench } from '../../support/in-french.tsx';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { getJourney, listJourneys, saveJourney } from '../../../src/storage/journey-documents.ts';

function template(id: string, name: string, updatedAt: string): JourneyDocument {
  const found = TEMPLATES.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no template ${id}`);
  return { ...found.build(Date.parse(updatedAt)), id, name, updatedAt };
}

function EditorStandIn() {
  const { journeyId } = useParams();
  return <h1>Editing {journeyId}</h1>;
}

function renderList(undoDeleteMs?: number) {
  render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route
          path="/"
          element={<JourneyListPage {...(undoDeleteMs !== undefined ? { undoDeleteMs } : {})} />}
        />
        <Route path="/journeys/:journeyId" element={<EditorStandIn />} />
      </Routes>
    </MemoryRouter>,
  );
  return screen.findByRole('table', { name: 'Journeys' });
}

const rowOf = (table: HTMLElement, name: string) => {
  const link = within(table).getByRole('link', { name });
  const row = link.closest('tr');
  if (row === null) throw new Error(`${name} is not in a row`);
  return row;
};
const names = (table: HTMLElement) =>
  within(table)
    .getAllByRole('link')
    .map((a) => a.textContent);

beforeEach(async () => {
  useDatabaseForTests(openWayfinderDb(`journey-list-${Math.random()}`));
  await saveJourney(template('welcome-series', 'Welcome series', '2026-01-03T00:00:00.000Z'));
  await saveJourney(template('win-back', 'Win-back', '2026-01-05T00:00:00.000Z'));
  await saveJourney({
    ...createJourney('Empty draft', Date.UTC(2026, 0, 1), () => 'empty'),
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
});

describe('JourneyListPage', () => {
  it('lists journeys newest first with stage, step count and problems', async () => {
    const table = await renderList();
    expect(names(table)).toEqual(['Win-back', 'Welcome series', 'Empty draft']);
    const welcome = rowOf(table, 'Welcome series');
    expect(within(welcome).getByText('First contact')).toBeVisible();
    expect(within(welcome).getByText('Ready')).toBeVisible();
    expect(within(rowOf(table, 'Empty draft')).getByText('1 error')).toBeVisible();
  });

  it('searches, filters by stage and sorts by name', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    await user.type(screen.getByRole('searchbox', { name: 'Search journeys' }), 'welc');
    expect(names(table)).toEqual(['Welcome series']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search journeys' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Lifecycle stage' }), 'win_back');
    expect(names(table)).toEqual(['Win-back']);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Lifecycle stage' }),
      'renewal_cross_up_sell',
    );
    expect(screen.getByRole('heading', { name: 'No journeys match' })).toBeVisible();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lifecycle stage' }), 'all');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'name');
    expect(names(await screen.findByRole('table', { name: 'Journeys' }))).toEqual([
      'Empty draft',
      'Welcome series',
      'Win-back',
    ]);
  });

  it('deletes at once with an undo toast; Undo brings the journey back, focused', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    await user.click(
      within(rowOf(table, 'Win-back')).getByRole('button', { name: 'Delete Win-back' }),
    );
    // The row goes once the delete has read the revision it names (IndexedDB): waited for.
    await waitFor(() => expect(within(table).queryByRole('link', { name: 'Win-back' })).toBeNull());
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(undo.closest('[role="status"]')).toHaveTextContent('Deleted “Win-back”.');
    await waitFor(() => expect(undo).toHaveFocus());
    // Kept until the undo time runs out.
    expect(await getJourney('win-back')).toBeDefined();
    await user.click(undo);
    const back = await within(table).findByRole('link', { name: 'Win-back' });
    await waitFor(() => expect(back).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(await getJourney('win-back')).toBeDefined();
  });

  it('deletes for good once the undo time runs out', async () => {
    const user = userEvent.setup();
    const table = await renderList(0);
    await user.click(
      within(rowOf(table, 'Win-back')).getByRole('button', { name: 'Delete Win-back' }),
    );
    await waitFor(async () => expect(await getJourney('win-back')).toBeUndefined());
    expect(await getJourney('welcome-series')).toBeDefined();
  });

  it('never deletes a journey another tab changed while the undo was offered', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    await user.click(
      within(rowOf(table, 'Win-back')).getByRole('button', { name: 'Delete Win-back' }),
    );
    await screen.findByRole('button', { name: 'Undo' });
    const stored = await getJourney('win-back');
    if (stored === undefined) throw new Error('seed missing');
    await saveJourney({ ...stored, description: 'Edited in another tab' });
    // A second delete lands the first one now: compare-and-set refuses it.
    await user.click(
      within(rowOf(table, 'Welcome series')).getByRole('button', {
        name: 'Delete Welcome series',
      }),
    );
    expect(
      await screen.findByText('“Win-back” was not deleted: it changed in another tab meanwhile.'),
    ).toBeVisible();
    expect((await getJourney('win-back'))?.description).toBe('Edited in another tab');
    // The second delete is still on offer: take it back, so nothing lands after this test.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await within(table).findByRole('link', { name: 'Welcome series' })).toBeVisible();
  });

  it('renames and duplicates one journey without touching the others', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    await user.click(
      within(rowOf(table, 'Welcome series')).getByRole('button', { name: 'Rename Welcome series' }),
    );
    // The dialog frame's code loads on demand: found at once only if a test before loaded it.
    const dialog = await screen.findByRole('dialog', { name: 'Rename journey' });
    const input = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(input);
    expect(within(dialog).getByRole('button', { name: 'Rename' })).toBeDisabled();
    await user.type(input, 'Hello there');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await within(table).findByRole('link', { name: 'Hello there' });
    expect((await getJourney('welcome-series'))?.name).toBe('Hello there');

    await user.click(
      within(rowOf(table, 'Hello there')).getByRole('button', { name: 'Duplicate Hello there' }),
    );
    await within(table).findByRole('link', { name: 'Hello there (copy)' });
    const copy = (await listJourneys()).find((j) => j.name === 'Hello there (copy)');
    expect(copy?.id).not.toBe('welcome-series');
    expect(copy?.stepCount).toBe((await getJourney('welcome-series'))?.steps.length);
    expect((await listJourneys()).length).toBe(4);
  });

  it('returns focus to New journey after Escape closes the dialog it opened with Enter', async () => {
    const user = userEvent.setup();
    await renderList();
    const button = screen.getByRole('button', { name: 'New journey' });
    button.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'New journey' });
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'New journey' })).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('creates a journey from a template and opens it', async () => {
    const user = userEvent.setup();
    await renderList();
    await user.click(screen.getByRole('button', { name: 'New journey' }));
    const dialog = await screen.findByRole('dialog', { name: 'New journey' });
    await user.click(within(dialog).getByRole('radio', { name: /^Birthday offer/ }));
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveAttribute(
      'placeholder',
      'Birthday offer',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create journey' }));
    const heading = await screen.findByRole('heading', { name: /^Editing / });
    const id = heading.textContent?.replace('Editing ', '') ?? '';
    const created = await getJourney(id);
    expect(created?.name).toBe('Birthday offer');
    expect(created?.steps.length).toBeGreaterThan(1);
  });

  it('names each copy apart: duplicating or importing twice never gives two journeys one name', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    const duplicate = () =>
      user.click(
        within(rowOf(table, 'Welcome series')).getByRole('button', {
          name: 'Duplicate Welcome series',
        }),
      );
    await duplicate();
    await within(table).findByRole('link', { name: 'Welcome series (copy)' });
    await duplicate();
    await within(table).findByRole('link', { name: 'Welcome series (copy 2)' });
    const original = await getJourney('welcome-series');
    if (original === undefined) throw new Error('seed missing');
    const file = () =>
      new File([journeyToFileText(original)], 'welcome.journey.json', {
        type: 'application/json',
      });
    await user.upload(screen.getByLabelText('Import a journey file'), file());
    await within(table).findByRole('link', { name: 'Welcome series (imported)' });
    await user.upload(screen.getByLabelText('Import a journey file'), file());
    await within(table).findByRole('link', { name: 'Welcome series (imported 2)' });
    const all = (await listJourneys()).map((j) => j.name);
    expect(new Set(all).size).toBe(all.length);
  });

  it('names a copy in the reader’s language', async () => {
    const user = userEvent.setup();
    inFrench(
      <MemoryRouter initialEntries={['/']}>
        <JourneyListPage />
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Parcours' });
    await user.click(
      within(rowOf(table, 'Win-back')).getByRole('button', { name: 'Dupliquer Win-back' }),
    );
    await within(table).findByRole('link', { name: 'Win-back (copie)' });
    await user.click(
      within(rowOf(table, 'Win-back')).getByRole('button', { name: 'Dupliquer Win-back' }),
    );
    await within(table).findByRole('link', { name: 'Win-back (copie 2)' });
  });

  it('refuses a bad file with an alert naming it and the problem, storing nothing', async () => {
    const user = userEvent.setup();
    await renderList();
    const input = screen.getByLabelText('Import a journey file');
    await user.upload(input, new File(['{"steps": ['], 'half.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('half.json was not imported: Not valid JSON');
    await user.upload(input, new File(['{"a":1}'], 'other.json', { type: 'application/json' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'other.json was not imported: Missing or invalid schemaVersion',
      ),
    );
    expect((await listJourneys()).length).toBe(3);
  });

  it('imports a journey file as a copy and shows hostile text as text', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    const hostile = '<img src=x onerror="alert(1)">';
    const original = await getJourney('welcome-series');
    if (original === undefined) throw new Error('seed missing');
    const text = journeyToFileText({ ...original, name: hostile });
    await user.upload(
      screen.getByLabelText('Import a journey file'),
      new File([text], 'welcome.journey.json', { type: 'application/json' }),
    );
    expect(await screen.findByText(`Imported “${hostile} (imported)”.`)).toHaveAttribute(
      'role',
      'status',
    );
    expect(await within(table).findByRole('link', { name: `${hostile} (imported)` })).toBeVisible();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect((await getJourney('welcome-series'))?.name).toBe('Welcome series');
  });

  it('explains a compiled spec chosen as a journey and imports it rebuilt on request', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    const original = await getJourney('welcome-series');
    if (original === undefined) throw new Error('seed missing');
    const { spec } = compile(original);
    if (spec === null) throw new Error('the seed does not compile');
    await user.upload(
      screen.getByLabelText('Import a journey file'),
      new File([specToJson(spec)], 'welcome.spec.json', { type: 'application/json' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('welcome.spec.json is a compiled spec');
    expect(alert).toHaveTextContent('Export › Journey document');
    expect(alert).not.toHaveTextContent('schemaVersion');
    await user.click(within(alert).getByRole('button', { name: 'Import as a new journey' }));
    expect(await screen.findByText(/from the spec\.$/)).toBeVisible();
    const rebuilt = (await listJourneys()).filter((j) => j.name.startsWith('Welcome series'));
    expect(rebuilt).toHaveLength(2);
    const copy = await getJourney(rebuilt.find((j) => j.id !== 'welcome-series')?.id ?? '');
    expect(copy?.steps.map((s) => s.id).sort()).toEqual(original.steps.map((s) => s.id).sort());
    expect(within(table).getAllByRole('link', { name: /^Welcome series/ })).toHaveLength(2);
  });
});
