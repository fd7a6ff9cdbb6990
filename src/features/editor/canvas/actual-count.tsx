import type { ReactNode } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { ActualStepCounts } from '../../../domain/simulate/counts-overlay.ts';

/** A step whose actual share falls outside the forecast's P10–P90 range, past doubt. */
export function outsideForecast(actual: ActualStepCounts | undefined): boolean {
  return actual?.verdict === 'below' || actual?.verdict === 'above';
}

// The badge's glyph; its words are in aria-label and title.
const ARROW_DOWN = '\u25BC';
const ARROW_UP = '\u25B2';

/** What the comparison says, in words, for the badge and the pill's tooltip. */
export function comparisonText(intl: IntlShape, actual: ActualStepCounts): string | undefined {
  if (actual.share === undefined || actual.forecast === undefined) return undefined;
  const percent = (share: number) =>
    intl.formatNumber(share, { style: 'percent', maximumFractionDigits: share < 0.1 ? 1 : 0 });
  const verdict =
    actual.verdict === undefined || actual.verdict === 'no-data' ? 'within' : actual.verdict;
  return intl.formatMessage(
    { id: 'live.step.verdict' },
    {
      // ICU select keys are identifiers.
      verdict: verdict === 'too-early' ? 'early' : verdict,
      share: percent(actual.share),
      low: percent(actual.forecast.p10),
      high: percent(actual.forecast.p90),
    },
  );
}

/** The live count in a step's header: actual runs, with the simulated ones beside in "both" view. */
export function ActualCount({
  actual,
  simulated,
}: {
  actual: ActualStepCounts;
  simulated: number | undefined;
}) {
  const intl = useIntl();
  const comparison = comparisonText(intl, actual);
  return (
    <>
      <span
        className="step-node__count step-node__count--actual"
        title={comparison ?? intl.formatMessage({ id: 'live.step.actualTitle' })}
      >
        {simulated === undefined ? (
          <FormattedMessage id="live.step.actual" values={{ count: actual.entered }} />
        ) : (
          <FormattedMessage
            id="live.step.actualAndSimulated"
            values={{
              actual: actual.entered,
              simulated,
              muted: (chunks: ReactNode[]) => (
                <span className="step-node__count-sim">{chunks}</span>
              ),
            }}
          />
        )}
      </span>
      {outsideForecast(actual) && comparison !== undefined && (
        <span
          className="step-node__badge step-node__badge--outside"
          role="img"
          aria-label={comparison}
          title={comparison}
        >
          {actual.verdict === 'below' ? ARROW_DOWN : ARROW_UP}
        </span>
      )}
    </>
  );
}
