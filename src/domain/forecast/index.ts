/**
 * Forecasting maths for strategists: customer-base models (BG/NBD, Gamma-Gamma, CLV), business
 * KPIs read from profiles (NPS, perfect-order rate, fatigue) and the statistics of Monte Carlo
 * runs (ranges, stopping rule, variant comparison, sample sizes, tornado charts). Pure functions
 * on numbers and profiles; nothing here knows the simulator's result type.
 */
export * from './special-functions.ts';
export * from './distributions.ts';
export * from './nelder-mead.ts';
export * from './rfm-summary.ts';
export * from './bgnbd.ts';
export * from './bgnbd-fit.ts';
export * from './gamma-gamma.ts';
export * from './clv.ts';
export * from './clv-effect.ts';
export * from './time-window.ts';
export * from './nps.ts';
export * from './perfect-order.ts';
export * from './fatigue.ts';
export * from './statistics.ts';
export * from './compare-variants.ts';
export * from './proportions.ts';
export * from './sample-size.ts';
export * from './tornado.ts';
export * from './verdict.ts';
export * from './purchase-days.ts';
export * from './clv-holdout.ts';
export * from './clv-warnings.ts';
export * from './clv-fit-report.ts';
export * from './standard-errors.ts';
export * from './steps.ts';
