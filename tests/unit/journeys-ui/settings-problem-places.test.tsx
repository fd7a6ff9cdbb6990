// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src/domain/index.ts';
import { editorPageAt } from '../../support/editor-page.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { saveJourney } from '../../../src/storage/journey-documents.ts';
import { inFrench } from '../../support/in-french.tsx';

const page = editorPageAt('j1');

beforeEach(async () => {
  localStorage.clear();
  useDatabaseForTests(openWayfinderDb(`settings-problem-places-${Math.random()}`));
  const found = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (found === undefined) throw new Error('no template');
  const doc = found.build(Date.UTC(2026, 0, 2));
  await saveJourney({
    ...doc,
    id: 'j1',
    name: 'Welcome series',
    settings: {
      ...doc.settings,
      goal: null,
      exitCriteria: [],
      quietHours: { ...doc.settings.quietHours, enabled: true, start: '21:00', end: '21:00' },
    },
  });
});

type User = ReturnType<typeof userEvent.setup>;

/** Breaks the settings from the panel: a goal with no event and a zero window, an exit event with no event, too large a control group, a zero email cap. */
async function breakSettings(user: User, words: Record<string, RegExp | string>) {
  const side = await screen.findByRole('complementary', { name: words.side });
  await user.click(await within(side).findByRole('button', { name: words.addGoal }));
  const window = within(side).getByRole('spinbutton', { name: words.window });
  await user.clear(window);
  await user.type(window, '0');
  await user.click(within(side).getByRole('button', { name: words.addExit }));
  const control = within(side).getByRole('spinbutton', { name: words.control });
  await user.clear(control);
  await user.type(control, '70');
  await user.click(within(side).getByRole('checkbox', { name: words.limit }));
  await user.click(within(side).getByRole('checkbox', { name: words.limitEmail }));
  const emailMax = within(side).getByRole('spinbutton', { name: words.emailMax });
  await user.clear(emailMax);
  await user.type(emailMax, '0');
  return side;
}

describe('a problem with the journey’s settings names its field as the settings panel does', () => {
  it('words the place from the panel’s labels, and a click focuses that field', async () => {
    const user = userEvent.setup();
    render(page as ReactNode);
    const side = await screen.findByRole('complementary', { name: 'Step and journey settings' });
    /** Chooses a problem in the list; the control `name` labels must then have focus. */
    const leadsTo = async (problem: RegExp, name: string) => {
      await user.click(screen.getByRole('tab', { name: /Problems/ }));
      await user.click(await screen.findByRole('button', { name: problem }));
      // The exit event's row is a group named as its field: the field is the control.
      const control = (await within(side).findAllByLabelText(name)).find((e) =>
        e.matches('input, select, textarea'),
      );
      await waitFor(() => expect(control).toHaveFocus(), { timeout: 15_000 });
    };
    // A warning about a setting leads to its field: the journey's quiet hours start and end at
    // 21:00 (checked while the settings are otherwise valid).
    await leadsTo(/Quiet hours start and end at the same time/, 'Until');

    await breakSettings(user, {
      side: 'Step and journey settings',
      addGoal: '+ Add goal',
      window: 'Counts within (days after entry)',
      addExit: '+ Add exit event',
      control: 'Control group (%)',
      limit: 'Limit how many messages a person gets',
      limitEmail: 'Limit Email separately',
      emailMax: 'Email: at most (messages)',
    });
    await user.click(await screen.findByRole('button', { name: /\d+ errors?/ }));
    const problems = await screen.findByRole('region', { name: 'Problems' });
    const expected = [
      'Goal › Goal event: choose an event',
      'Goal › Counts within (days after entry): must be more than 0',
      'Exit criteria › Exit event 1: choose an event',
      'Frequency cap › Per channel › Email: at most (messages): must be more than 0',
      'Audience › Control group (%): must be at most 50',
    ];
    for (const name of expected)
      expect(
        await within(problems).findByRole('button', {
          name: new RegExp(name.replace(/[()]/g, '\\$&')),
        }),
      ).toBeInTheDocument();
    expect(problems).not.toHaveTextContent(/goal\.|settings\.|controlGroupPercent|perChannel/);

    // Each leads to its own field in the settings panel.
    await leadsTo(/Goal › Counts within/, 'Counts within (days after entry)');
    await leadsTo(/Goal › Goal event/, 'Goal event');
    await leadsTo(/Exit criteria › Exit event 1/, 'Exit event 1');
    await leadsTo(/Per channel › Email/, 'Email: at most (messages)');
    await leadsTo(/Audience › Control group/, 'Control group (%)');
    // The panel's own list says it the same way.
    expect(
      within(side).getByRole('list', { name: 'Problems with the settings' }),
    ).toHaveTextContent('Goal › Goal event: choose an event');
  });

  it('in French, from the French catalogue', async () => {
    const user = userEvent.setup();
    inFrench(page);
    await breakSettings(user, {
      side: /Réglages/,
      addGoal: /Ajouter un objectif/,
      window: /Compte dans les/,
      addExit: /Ajouter un événement de sortie/,
      control: /Groupe témoin/,
      limit: /Limiter le nombre/,
      limitEmail: /Limiter E-mail/,
      emailMax: /E-mail\u00a0: au plus/,
    });
    await user.click(await screen.findByRole('button', { name: /\d+ erreurs?/ }));
    const problems = await screen.findByRole('region', { name: 'Problèmes' });
    expect(
      await within(problems).findByRole('button', { name: /Objectif › Événement objectif/ }),
    ).toBeInTheDocument();
    expect(problems).not.toHaveTextContent(/goal\.|settings\.|controlGroupPercent/);
  });
});
