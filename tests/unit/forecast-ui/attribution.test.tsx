// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/domain/compile/compile.ts';
import type { JourneyDocument } from '../../../src/domain/journey/journey-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { TEMPLATES } from '../../../src/domain/templates/templates.ts';
import { AttributionNotice } from '../../../src/features/forecast/attribution-notice.tsx';
import { ForecastCards } from '../../../src/features/forecast/forecast-cards.tsx';
import { variantView, type VariantView } from '../../../src/features/forecast/forecast-model.ts';
import { formatNumber } from '../../../src/ui/kpi/format-number.ts';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { getJourney, saveJourney } from '../../../src/storage/journey-documents.ts';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const profiles = generateProfiles({ count: 500, seed: 5, start: NOW - 365 * DAY, end: NOW });

function welcome(controlGroupPercent: number): JourneyDocument {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (!template) throw new Error('no template');
  const document = template.build(NOW, () => 'welcome');
  return { ...document, settings: { ...document.settings, controlGroupPercent } };
}

function viewOf(document: JourneyDocument): VariantView {
  const { spec } = compile(document);
  if (!spec) throw new Error('no spec');
  const replications = Array.from({ length: 3 }, (_, index) => ({
    index,
    results: [
      simulate(spec, profiles, { seed: index + 1, start: NOW - 90 * DAY, horizonDays: 90 }),
    ],
    tallies: [null],
  }));
  const view = variantView('Welcome', replications, 0);
  if (!view) throw new Error('no view');
  return view;
}

describe('attribution', () => {
  it('without a control group, labels revenue and return on spend as attributed to every converter', () => {
    render(<ForecastCards view={viewOf(welcome(0))} />);
    const grid = screen.getByRole('region', { name: 'Forecast of Welcome' });
    for (const name of ['Revenue', 'Return on spend']) {
      expect(within(grid).getByRole('group', { name })).toHaveTextContent(
        'attributed, no control group',
      );
    }
    expect(within(grid).getAllByRole('group')[0]).toHaveAccessibleName('Conversion rate');
  });

  it('writes the return on spend as a multiple beside the spend it is made on', () => {
    const view = viewOf(welcome(0));
    render(<ForecastCards view={view} />);
    const card = screen.getByRole('group', { name: 'Return on spend' });
    const spend = view.summaries['cost']?.p50 ?? Number.NaN;
    expect(card.querySelector('.kpi-value')).toHaveTextContent(/^[\d,.]+×$/);
    expect(card).toHaveTextContent(`for ${formatNumber(spend, 'currency')} of sends`);
  });

  it('with a control group, leads with the uplift against it', () => {
    render(<ForecastCards view={viewOf(welcome(20))} />);
    const cards = within(screen.getByRole('region', { name: 'Forecast of Welcome' })).getAllByRole(
      'group',
    );
    expect(cards[0]).toHaveAccessibleName('Uplift over control (what the journey caused)');
    expect(cards[0]).toHaveTextContent(/pp/);
    expect(screen.getByRole('group', { name: 'Revenue' })).not.toHaveTextContent('attributed');
  });

  it('adds a control group to the journey with one click', async () => {
    useDatabaseForTests(openWayfinderDb(`attribution-${Math.random()}`));
    const document = welcome(0);
    await saveJourney(document);
    render(<AttributionNotice view={viewOf(document)} journeyId={document.id} />);
    expect(screen.getByRole('note')).toHaveTextContent('No control group.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Add a 10% control group' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Run the forecast again');
    expect((await getJourney(document.id))?.settings.controlGroupPercent).toBe(10);
  });
});
