// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATES, type JourneyDocument } from '../../../src/domain/index.ts';
import { editorPageAt } from '../../support/editor-page.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { saveJourney } from '../../../src/storage/journey-documents.ts';
import { inFrench } from '../../support/in-french.tsx';

const rule = (event: string) => ({
  type: 'event_count',
  event,
  comparison: 'at_least',
  count: 1,
  withinDays: null,
  propertyFilters: [],
});

/**
 * The welcome series with a multi-split whose first path's second rule and second path's only
 * rule name no event.
 */
function withBrokenSplit(): JourneyDocument {
  const found = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (found === undefined) throw new Error('no template');
  const doc = { ...found.build(Date.UTC(2026, 0, 2)), id: 'j1', name: 'Welcome series' };
  doc.steps.push({
    id: 'split',
    kind: 'multi_split',
    label: 'By activity',
    position: { x: 0, y: 900 },
    config: {
      branches: [
        {
          key: 'b1',
          label: 'Shoppers',
          condition: { type: 'group', op: 'and', rules: [rule('viewed'), rule('')] },
        },
        { key: 'b2', label: 'Others', condition: { type: 'group', op: 'and', rules: [rule('')] } },
      ],
    },
  });
  return doc;
}

const page = editorPageAt('j1');

async function openProblems(user: ReturnType<typeof userEvent.setup>, showProblems: RegExp) {
  await user.click(await screen.findByRole('button', { name: showProblems }));
  return screen.findByRole('region', { name: /Problems|Problèmes/ });
}

beforeEach(async () => {
  localStorage.clear();
  useDatabaseForTests(openWayfinderDb(`problem-places-${Math.random()}`));
  await saveJourney(withBrokenSplit());
});

describe('a problem names its field in the marketer’s words, never its path', () => {
  it('words the place from the inspector’s own labels, and a click focuses that field', async () => {
    const user = userEvent.setup();
    render(page as ReactNode);
    const problems = await openProblems(user, /\d+ errors?/);
    const problem = await within(problems).findByRole('button', {
      name: /Branch 1 › Condition › Rule 2 › Event: choose an event/,
    });
    expect(problems).not.toHaveTextContent('branches.0');
    await user.click(problem);
    const side = screen.getByRole('complementary', { name: 'Step and journey settings' });
    const rule2 = await within(side).findByRole('group', { name: 'Rule 2 (event)' });
    const event = within(rule2).getByRole('combobox', { name: 'Rule 2 event' });
    await waitFor(() => expect(event).toHaveFocus(), { timeout: 15_000 });

    // The second path's problem leads to its own field, not to the first one at fault.
    await user.click(screen.getByRole('tab', { name: /Problems/ }));
    await user.click(
      await screen.findByRole('button', { name: /Branch 2 › Condition › Rule 1 › Event/ }),
    );
    const path2 = await within(side).findByRole('group', { name: 'Branch 2' });
    const event2 = within(path2).getByRole('combobox', { name: 'Rule 1 event' });
    await waitFor(() => expect(event2).toHaveFocus(), { timeout: 15_000 });
    // The step's own problem list says it the same way.
    expect(within(side).getByRole('list', { name: 'Problems with this step' })).toHaveTextContent(
      'Branch 1 › Condition › Rule 2 › Event: choose an event',
    );
  });

  it('in French, from the French catalogue', async () => {
    const user = userEvent.setup();
    inFrench(page);
    const problems = await openProblems(user, /\d+ erreurs?/);
    expect(
      await within(problems).findByRole('button', {
        name: /Chemin 1 › Condition › Règle 2 › Événement\u00a0: choisissez un événement/,
      }),
    ).toBeInTheDocument();
    expect(problems).not.toHaveTextContent('branches.0');
  });
});
