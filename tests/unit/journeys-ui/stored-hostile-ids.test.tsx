// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { unsafeNameProblem, validate, type JourneyDocument } from '../../../src/domain/index.ts';
import { editorPageAt } from '../../support/editor-page.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { startOf } from '../../../src/features/editor/editor-session.ts';
import { getJourney, openJourney, saveJourney } from '../../../src/storage/journey-documents.ts';
import type { JourneyOpening } from '../../../src/storage/journey-session.ts';
import { hostileWelcomeSeries } from '../../support/hostile-journey.ts';
import { inFrench } from '../../support/in-french.tsx';

/**
 * The welcome series as a journey stored before imports repaired ids: its trigger is
 * `constructor`, its email `__proto__`, one wait has an empty id and one a control character,
 * and a wait watches the email.
 */
function hostileJourney(): JourneyDocument {
  return hostileWelcomeSeries((steps) => {
    const waits = steps.filter((s) => s.kind === 'delay');
    return new Map([
      ['welcome-email', '__proto__'],
      ['signed-up', 'constructor'],
      [waits[0]?.id ?? '', ''],
      [waits[1]?.id ?? '', 'wait\u0007'],
    ]);
  });
}

const page = editorPageAt('hostile');

beforeEach(async () => {
  localStorage.clear();
  useDatabaseForTests(openWayfinderDb(`stored-hostile-ids-${Math.random()}`));
  await saveJourney(hostileJourney());
});

describe('opening a stored journey whose step ids cannot be used', () => {
  it('gives those steps new ids as an import does, says which, and stores the repair', async () => {
    const before = hostileJourney();
    render(page as ReactNode);
    const notice = await screen.findByRole('status', {
      name: /step ids in this journey could not be used/,
    });
    expect(notice).toHaveTextContent(
      '4 step ids in this journey could not be used ("constructor", "__proto__", "", and "wait\\u0007"): the steps Signed up, Welcome email, Wait 2 days, and Wait 5 days have new ids, their settings and arrows kept.',
    );
    // Every step is on the canvas, none lost.
    const canvas = await screen.findByRole('application');
    for (const step of before.steps)
      expect(
        await within(canvas).findByRole('group', {
          name: new RegExp(` step: ${step.label.replace(/[?.]/g, '\\$&')}$`),
        }),
      ).toBeVisible();

    // Saved at once by compare-and-set: the stored journey is the repaired one.
    const stored = await waitFor(
      async () => {
        const found = await getJourney('hostile');
        if (found === undefined || found.steps.some((s) => unsafeNameProblem(s.id) !== undefined))
          throw new Error('not repaired yet');
        return found;
      },
      { timeout: 15_000 },
    );
    expect(validate(stored).filter((d) => d.code === 'unsafe-id')).toEqual([]);
    expect(stored.steps.map((s) => s.label)).toEqual(before.steps.map((s) => s.label));
    expect(stored.steps.map((s) => s.config)).toEqual(
      before.steps.map((s) =>
        s.id === 'watch'
          ? expect.objectContaining({ timeout: { amount: 3, unit: 'days' } })
          : s.config,
      ),
    );
    expect(stored.connections).toHaveLength(before.connections.length);
    const idOf = (label: string) => stored.steps.find((s) => s.label === label)?.id;
    expect(stored.connections).toContainEqual(
      expect.objectContaining({ from: idOf('Signed up'), to: idOf('Welcome email') }),
    );
    expect(stored.steps.find((s) => s.id === 'watch')?.config).toMatchObject({
      target: { stepId: idOf('Welcome email') },
    });
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument(), {
      timeout: 15_000,
    });
  });

  it('repairs it alike in every tab, so two tabs opening it write once and agree', async () => {
    const stored = await openJourney('hostile');
    if (stored === undefined) throw new Error('not stored');
    const opening = (tabId: string): JourneyOpening => ({
      journeyId: 'hostile',
      tabId,
      stored,
      decision: { kind: 'stored', discard: [], setAside: [] },
      journal: {} as JourneyOpening['journal'],
      setAside: [],
    });
    const one = startOf(opening('one'));
    const other = startOf(opening('other'));
    expect(one.renamed).toHaveLength(4);
    expect(other.document).toEqual(one.document);
  });

  it('says so in French', async () => {
    inFrench(page);
    expect(
      await screen.findByRole('status', {
        name: /4 identifiants d’étapes de ce parcours ne pouvaient pas être utilisés/,
      }),
    ).toHaveTextContent('ont de nouveaux identifiants');
  });
});
