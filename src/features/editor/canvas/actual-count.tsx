import { Children, type ReactNode } from 'react';
import type { IntlShape } from 'react-intl';
import type { ActualStepCounts } from '../../../domain/simulate/counts-overlay.ts';
import { useLiveStepIntl } from '../../../i18n/live-messages.tsx';

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

/** The pill's words: actual runs, the simulated ones in "both" view, and the messages not sent. */
function countText(intl: IntlShape, actual: ActualStepCounts, simulated: number | undefined) {
  const muted = (chunks: ReactNode[]) => <span className="step-node__count-sim">{chunks}</span>;
  const notSent =
    actual.notSent === undefined ? 0 : actual.notSent.stopped + actual.notSent.unrendered;
  if (simulated === undefined)
    return notSent === 0
      ? intl.formatMessage({ id: 'live.step.actual' }, { count: actual.entered })
      : intl.formatMessage(
          { id: 'live.step.actualNotSent' },
          { count: actual.entered, notSent, muted },
        );
  const values = { actual: actual.entered, simulated, notSent, muted };
  return notSent === 0
    ? intl.formatMessage({ id: 'live.step.actualAndSimulated' }, values)
    : intl.formatMessage({ id: 'live.step.actualAndSimulatedNotSent' }, values);
}

/**
 * The live count in a step's header: actual runs, with the simulated ones beside in "both" view,
 * and the messages the step reached but did not send, with why in its tooltip.
 */
export function ActualCount({
  actual,
  simulated,
}: {
  actual: ActualStepCounts;
  simulated: number | undefined;
}) {
  const intl = useLiveStepIntl();
  const comparison = comparisonText(intl, actual);
  const notSent =
    actual.notSent === undefined
      ? undefined
      : intl.formatMessage(
          { id: 'live.step.notSentWhy' },
          {
            notSent: actual.notSent.stopped + actual.notSent.unrendered,
            stopped: actual.notSent.stopped,
            unrendered: actual.notSent.unrendered,
          },
        );
  const title = [comparison ?? intl.formatMessage({ id: 'live.step.actualTitle' }), notSent]
    .filter((line) => line !== undefined)
    .join('\n');
  return (
    <>
      <span className="step-node__count step-node__count--actual" title={title}>
        {/* Rich text comes back as a list of nodes: keyed here, as FormattedMessage would. */}
        {Children.toArray(countText(intl, actual, simulated))}
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
