// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { editorPageAt } from '../../support/editor-page.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { saveJourney } from '../../../src/storage/journey-documents.ts';
import { inFrench } from '../../support/in-french.tsx';
import { longJourney } from '../../support/long-journey.ts';

const page = editorPageAt('long');

beforeEach(async () => {
  localStorage.clear();
  useDatabaseForTests(openWayfinderDb(`find-step-${Math.random()}`));
  await saveJourney(longJourney(60));
});

const side = () => screen.getByRole('complementary', { name: 'Step and journey settings' });

describe('find a step', () => {
  it('filters the steps as one types, and Enter on a match selects it, opens its settings and focuses it', async () => {
    const user = userEvent.setup();
    render(page as ReactNode);
    const canvas = await screen.findByRole('application', { name: 'Journey canvas' });
    await user.click(await screen.findByRole('button', { name: 'Find a step' }));
    const dialog = await screen.findByRole('dialog', { name: 'Find a step' });
    const search = within(dialog).getByRole('combobox', { name: 'Step name, kind or id' });
    await waitFor(() => expect(search).toHaveFocus());
    // Every step is listed before typing.
    expect(within(dialog).getByRole('status')).toHaveTextContent('60 steps match.');

    await user.type(search, 'reminder 1');
    const list = within(dialog).getByRole('listbox', { name: 'Matching steps' });
    // "Reminder 1" first (its name starts so), then "Reminder 10", "Reminder 11", then the
    // conditions whose names hold it.
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('option')
          .map((o) => o.querySelector('.find-step__name')?.textContent),
      ).toEqual([
        'Reminder 1',
        'Reminder 10',
        'Reminder 11',
        'Reminder 12',
        'Opened reminder 1?',
        'Opened reminder 10?',
        'Opened reminder 11?',
        'Opened reminder 12?',
      ]),
    );
    expect(within(list).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const third = within(list).getAllByRole('option')[2];
    expect(third).toHaveAttribute('aria-selected', 'true');
    expect(search).toHaveAttribute('aria-activedescendant', third?.id);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(side()).findByRole('region', { name: 'Reminder 11' })).toBeInTheDocument();
    const step = within(canvas).getByRole('group', { name: 'Email step: Reminder 11' });
    await waitFor(() => expect(step).toHaveFocus(), { timeout: 15_000 });
    expect(step).toHaveClass('selected');
  });

  it('opens with Ctrl+F from anywhere in the editor, finds by kind or id, and gives focus back when closed', async () => {
    const user = userEvent.setup();
    render(page as ReactNode);
    const name = await within(
      await screen.findByRole('complementary', { name: 'Step and journey settings' }),
    ).findByRole('textbox', { name: 'Name' });
    await user.click(name);
    await user.keyboard('{Control>}f{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Find a step' });
    const search = within(dialog).getByRole('combobox');
    await user.type(search, 'sms');
    expect(within(dialog).getByRole('status')).toHaveTextContent('12 steps match.');
    await user.clear(search);
    await user.type(search, 'step-42');
    expect(
      within(dialog)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringContaining('step-42')]);
    await user.clear(search);
    await user.type(search, 'nothing like it');
    expect(within(dialog).getByRole('status')).toHaveTextContent('No step matches.');
    expect(search).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{Enter}');
    expect(dialog).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(name).toHaveFocus());

    // A click on a match goes to it too; the last search comes back, selected.
    await user.keyboard('{Control>}f{/Control}');
    const again = await screen.findByRole('dialog', { name: 'Find a step' });
    const search2 = within(again).getByRole('combobox');
    expect(search2).toHaveValue('nothing like it');
    await user.keyboard('push 3');
    await user.click(within(again).getByRole('option', { name: 'Push 3 (Push, id step-15)' }));
    expect(await within(side()).findByRole('region', { name: 'Push 3' })).toBeInTheDocument();
  });

  it('speaks French, and finds a kind by its French name', async () => {
    const user = userEvent.setup();
    inFrench(page);
    await screen.findByRole('application');
    await user.click(await screen.findByRole('button', { name: 'Trouver une étape' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trouver une étape' });
    const search = within(dialog).getByRole('combobox', {
      name: 'Nom, type ou identifiant de l’étape',
    });
    await user.type(search, 'attente');
    expect(within(dialog).getByRole('status')).toHaveTextContent('12 étapes correspondent.');
  });
});
