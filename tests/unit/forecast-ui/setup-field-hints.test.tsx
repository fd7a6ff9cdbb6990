// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ForecastSetup } from '../../../src/features/forecast/forecast-setup.tsx';
import type { StoredJourneySummary } from '../../../src/storage/journey-documents.ts';
import type { ProfileSet } from '../../../src/storage/records.ts';

const journeys = [{ id: 'j1', name: 'Welcome series' }] as StoredJourneySummary[];
const sets = [{ id: 's1', name: 'Spring', count: 1_200 }] as ProfileSet[];

describe('the forecast setup’s fields', () => {
  it('are named by their labels alone, the replications hint describing its field', () => {
    render(<ForecastSetup journeys={journeys} sets={sets} running={false} onRun={() => {}} />);
    expect(screen.getByRole('combobox', { name: 'Journey (A)' })).toHaveValue('j1');
    expect(screen.getByRole('combobox', { name: 'Profile set' })).toHaveValue('s1');
    expect(screen.getByRole('spinbutton', { name: 'Replications' })).toHaveAccessibleDescription(
      'Each replication reruns the journey with a new seed (2–200).',
    );
  });
});
