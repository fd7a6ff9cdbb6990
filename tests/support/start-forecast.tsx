import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { ForecastPage } from '../../src/features/forecast/forecast-page.tsx';

/**
 * Renders the forecast page and runs its first journey over the set offered as `setOption`
 * (e.g. "Spring customers (300)") with `replications` replications; the set's picker stays
 * at hand to choose another.
 */
export async function startForecast(setOption: string, replications = 2) {
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <ForecastPage />
    </MemoryRouter>,
  );
  const setup = await screen.findByRole('form', { name: 'Forecast setup' });
  const set = within(setup).getByRole('combobox', { name: 'Profile set' });
  await user.selectOptions(set, setOption);
  fireEvent.change(within(setup).getByRole('spinbutton', { name: /Replications/ }), {
    target: { value: String(replications) },
  });
  await user.click(within(setup).getByRole('button', { name: 'Run forecast' }));
  return { user, set };
}
