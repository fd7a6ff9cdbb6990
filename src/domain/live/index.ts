/** Live counts from an executor read against the forecast of the same published version. */
export * from './version-forecast.ts';
export * from './step-comparison.ts';
export * from './version-drift.ts';
export * from './live-overlay.ts';
