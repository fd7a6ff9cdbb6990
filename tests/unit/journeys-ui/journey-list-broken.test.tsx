// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TEMPLATES, type JourneyDocument } from '../../../src/domain/index.ts';
import { JourneyListPage } from '../../../src/features/journeys/journey-list-page.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db.ts';
import { listJourneyEntries, saveJourney } from '../../../src/storage/journey-documents.ts';

const download = vi.hoisted(() => vi.fn());
vi.mock('../../../src/ui/download.ts', () => ({ downloadText: download }));

function welcome(): JourneyDocument {
  const found = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (found === undefined) throw new Error('no template');
  return { ...found.build(Date.UTC(2026, 0, 2)), id: 'good', name: 'Welcome series' };
}

/** A condition nested `depth` groups deep around one rule. */
function nested(depth: number): unknown {
  let condition: unknown = {
    type: 'attribute',
    attribute: 'country',
    valueType: 'text',
    operator: 'equals',
    value: 'FR',
  };
  for (let i = 0; i < depth; i += 1) condition = { type: 'group', op: 'and', rules: [condition] };
  return condition;
}

/** The welcome series with its first if/else (or any step with a condition) nested deep. */
function deepJourney(id: string, name: string, depth: number): JourneyDocument {
  const base = welcome();
  const steps = base.steps.map((step) =>
    step.kind === 'if_else' ? { ...step, config: { condition: nested(depth) } } : step,
  );
  return { ...base, id, name, steps } as JourneyDocument;
}

let db: WayfinderDb;
beforeEach(async () => {
  download.mockReset();
  db = openWayfinderDb(`journey-list-broken-${Math.random()}`);
  useDatabaseForTests(db);
  await saveJourney(welcome());
  // Stored by hand, as by an older or newer Wayfinder, an extension or a bug.
  await db.journeys.put({
    id: 'future',
    name: 'From the future',
    lifecycleStage: 'none',
    updatedAt: Date.UTC(2026, 0, 3),
    revision: 1,
    document: { schemaVersion: 99, id: 'future' },
  });
  await db.journeys.put({ id: 'no-record', updatedAt: Date.UTC(2026, 0, 1) } as never);
});

function renderList() {
  render(
    <MemoryRouter>
      <JourneyListPage />
    </MemoryRouter>,
  );
  return screen.findByRole('table', { name: 'Journeys' });
}

const rowWith = (table: HTMLElement, text: string) => {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(text));
  if (row === undefined) throw new Error(`no row with ${text}`);
  return row;
};

describe('the journey list with broken records', () => {
  it('shows each broken record as a row with its problem, and the rest as usual', async () => {
    const table = await renderList();
    expect(within(table).getByRole('link', { name: 'Welcome series' })).toBeVisible();
    const future = rowWith(table, 'From the future');
    expect(within(future).getByText('Cannot be opened')).toBeVisible();
    expect(
      within(future).getByRole('list', { name: 'Problems of From the future' }),
    ).toHaveTextContent(/saved by a newer version of Wayfinder \(schema version 99\)/);
    // Not a link: the editor cannot open it.
    expect(within(future).queryByRole('link')).toBeNull();
    const noRecord = rowWith(table, 'no-record');
    expect(within(noRecord).getByRole('list', { name: 'Problems of no-record' })).toHaveTextContent(
      /name/,
    );
  });

  it('still views, exports and deletes a broken journey', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    const future = rowWith(table, 'From the future');
    await user.click(within(future).getByRole('button', { name: 'View JSON of From the future' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stored JSON of “From the future”' });
    expect(
      (within(dialog).getByRole('textbox', { name: 'Stored JSON' }) as HTMLTextAreaElement).value,
    ).toContain('"schemaVersion": 99');
    await user.keyboard('{Escape}');

    await user.click(within(future).getByRole('button', { name: 'Export From the future' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(download.mock.calls[0]?.[1]).toContain('"schemaVersion": 99');

    await user.click(within(future).getByRole('button', { name: 'Delete From the future' }));
    await user.click(screen.getByRole('button', { name: 'Delete journey' }));
    await waitFor(() => expect(within(table).queryByText('From the future')).toBeNull());
    expect(await db.journeys.get('future')).toBeUndefined();
    expect(within(table).getByRole('link', { name: 'Welcome series' })).toBeVisible();
    // The row that opened the dialog is gone: focus stays in the list, not on the page.
    await waitFor(() => expect(table).toContainElement(document.activeElement as HTMLElement));
  });

  it('lists journeys whose conditions nest 900 and 4,000 groups without failing', async () => {
    await db.journeys.put({
      id: 'deep-900',
      name: 'Nine hundred deep',
      lifecycleStage: 'none',
      updatedAt: Date.UTC(2026, 0, 4),
      revision: 1,
      document: deepJourney('deep-900', 'Nine hundred deep', 900),
    });
    await db.journeys.put({
      id: 'deep-4000',
      name: 'Four thousand deep',
      lifecycleStage: 'none',
      updatedAt: Date.UTC(2026, 0, 5),
      revision: 1,
      document: deepJourney('deep-4000', 'Four thousand deep', 4_000),
    });
    expect(await listJourneyEntries()).toHaveLength(5);
    const table = await renderList();
    // jsdom's storage cannot even read 4,000 levels back: the row says so under its id.
    expect(within(rowWith(table, 'deep-4000')).getByText('Cannot be opened')).toBeVisible();
    expect(within(table).getByText('Nine hundred deep')).toBeVisible();
    expect(within(table).getByRole('link', { name: 'Welcome series' })).toBeVisible();
  });

  it('finds broken rows by search and hides them under a stage filter', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    await user.type(screen.getByRole('searchbox', { name: 'Search journeys' }), 'future');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    await user.clear(screen.getByRole('searchbox', { name: 'Search journeys' }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Lifecycle stage' }),
      'first_contact',
    );
    expect(within(table).queryByText('From the future')).toBeNull();
  });

  it('says so when the browser refuses to store an import or a duplicate', async () => {
    const user = userEvent.setup();
    const table = await renderList();
    const text = JSON.stringify({ ...welcome(), id: 'imported', name: 'Imported' });
    db.close();
    await user.upload(
      screen.getByLabelText('Import a journey file'),
      new File([text], 'welcome.journey.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^welcome\.journey\.json was not imported\. The browser would not open its storage for this site/,
    );
    await user.click(within(table).getByRole('button', { name: 'Duplicate Welcome series' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        /^Duplicating failed\. The browser would not open its storage for this site/,
      ),
    );
  });
});
