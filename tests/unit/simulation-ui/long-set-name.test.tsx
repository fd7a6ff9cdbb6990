// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SimulationForm } from '../../../src/features/simulation/simulation-form.tsx';

const LONG_NAME = 'Spring ' + 'x'.repeat(10_000);

describe('simulation form: a very long set name', () => {
  it('gives the set select the full name as its title, as the ellipsis hides the end', () => {
    render(
      <MemoryRouter>
        <SimulationForm
          sets={[{ id: 's1', name: LONG_NAME, count: 3, updatedAt: 0 }]}
          value={{ setId: 's1', start: null, horizonDays: null, seed: '1', behaviour: {} }}
          onChange={() => undefined}
          channels={[]}
          spanLoading={false}
          disabled={false}
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole('combobox', { name: 'Profile set' })).toHaveAttribute(
      'title',
      LONG_NAME,
    );
  });
});
