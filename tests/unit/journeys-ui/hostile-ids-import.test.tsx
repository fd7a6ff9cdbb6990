// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { journeyToFileText, unsafeNameProblem, validate } from '../../../src/domain/index.ts';
import { JourneyListPage } from '../../../src/features/journeys/journey-list-page.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { getJourney } from '../../../src/storage/journey-documents.ts';
import { hostileWelcomeSeries } from '../../support/hostile-journey.ts';
import { inFrench } from '../../support/in-french.tsx';

/** The welcome series as a file whose email is `__proto__` and trigger `constructor`. */
function hostileFile(): File {
  const hostile = hostileWelcomeSeries(
    () =>
      new Map([
        ['welcome-email', '__proto__'],
        ['signed-up', 'constructor'],
      ]),
  );
  return new File([journeyToFileText(hostile)], 'hostile.journey.json', {
    type: 'application/json',
  });
}

beforeEach(() => {
  useDatabaseForTests(openWayfinderDb(`hostile-ids-${Math.random()}`));
});

describe('importing a journey whose step ids cannot be used', () => {
  it('gives those steps new ids, keeps everything else, and says which', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <JourneyListPage />
      </MemoryRouter>,
    );
    await user.upload(await screen.findByLabelText('Import a journey file'), hostileFile());
    expect(
      await screen.findByText(
        'Imported “Hostile ids”. 2 step ids could not be used ("constructor" and "__proto__"): the steps Signed up and Welcome email have new ids, their settings and arrows kept.',
      ),
    ).toBeInTheDocument();
    const stored = await waitFor(async () => {
      const found = await getJourney('hostile');
      if (found === undefined) throw new Error('not stored yet');
      return found;
    });
    for (const s of stored.steps) expect(unsafeNameProblem(s.id)).toBeUndefined();
    expect(validate(stored).filter((d) => d.code === 'unsafe-id')).toEqual([]);
    const email = stored.steps.find((s) => s.label === 'Welcome email');
    const trigger = stored.steps.find((s) => s.label === 'Signed up');
    expect(stored.connections).toContainEqual(
      expect.objectContaining({ from: trigger?.id, to: email?.id }),
    );
    expect(stored.steps.find((s) => s.id === 'watch')?.config).toMatchObject({
      target: { stepId: email?.id },
    });
    expect(stored.steps).toHaveLength(9);
  });

  it('says so in French', async () => {
    const user = userEvent.setup();
    inFrench(
      <MemoryRouter>
        <JourneyListPage />
      </MemoryRouter>,
    );
    await user.upload(await screen.findByLabelText(/Importer/), hostileFile());
    expect(
      await screen.findByText(/2 identifiants d’étapes ne pouvaient pas être utilisés/),
    ).toHaveTextContent('les étapes Signed up et Welcome email ont de nouveaux identifiants');
  });
});
