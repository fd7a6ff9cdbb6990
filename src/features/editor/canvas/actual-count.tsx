import type { ActualStepCounts } from '../../../domain/simulate/counts-overlay.ts';

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

/** A step whose actual share falls outside the forecast's P10–P90 range, past doubt. */
export function outsideForecast(actual: ActualStepCounts | undefined): boolean {
  return actual?.verdict === 'below' || actual?.verdict === 'above';
}

/** What the comparison says, in words, for the badge and the pill's tooltip. */
export function comparisonText(actual: ActualStepCounts): string | undefined {
  if (actual.share === undefined || actual.forecast === undefined) return undefined;
  const range = `${percent(actual.forecast.p10)}–${percent(actual.forecast.p90)}`;
  const reached = `${percent(actual.share)} of entries reached this step; the forecast said ${range}`;
  switch (actual.verdict) {
    case 'below':
      return `Below the forecast: ${reached}`;
    case 'above':
      return `Above the forecast: ${reached}`;
    case 'too-early':
      return `Outside the forecast so far, but runs still on their way may change it: ${reached}`;
    default:
      return `Within the forecast: ${reached}`;
  }
}

/** The live count in a step's header: actual runs, with the simulated ones beside in "both" view. */
export function ActualCount({
  actual,
  simulated,
}: {
  actual: ActualStepCounts;
  simulated: number | undefined;
}) {
  const comparison = comparisonText(actual);
  return (
    <>
      <span
        className="step-node__count step-node__count--actual"
        title={comparison ?? 'Runs that really entered this step'}
      >
        {actual.entered.toLocaleString()} actual
        {simulated !== undefined && (
          <span className="step-node__count-sim"> · {simulated.toLocaleString()} sim</span>
        )}
      </span>
      {outsideForecast(actual) && comparison !== undefined && (
        <span
          className="step-node__badge step-node__badge--outside"
          role="img"
          aria-label={comparison}
          title={comparison}
        >
          {actual.verdict === 'below' ? '▼' : '▲'}
        </span>
      )}
    </>
  );
}
