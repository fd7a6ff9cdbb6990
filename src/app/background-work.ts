import { startBackgroundClvFits } from '../features/forecast/clv/clv-fits.ts';

/**
 * Work the app keeps doing while people use it, started once the first screen is up: each
 * profile set's customer-value fit, refreshed whenever the set changes, so a profile page's
 * value thermometer is ready when it is opened. Loaded on demand, not with the first screen.
 */
export function startBackgroundWork(): () => void {
  return startBackgroundClvFits();
}
