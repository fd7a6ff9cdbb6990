import { FormattedMessage, useIntl } from 'react-intl';
import { useState } from 'react';
import {
  daysOfTrafficNeeded,
  liftDesignProblem,
  sampleSizeForLift,
  type LiftDesignProblem,
} from '../../domain/forecast/sample-size.ts';
import { formatNumber } from '../../ui/kpi/format-number.ts';

function percentInput(value: number, set: (n: number) => void, label: string) {
  return (
    <label className="inline-field">
      {label}{' '}
      <input
        type="number"
        step="any"
        value={Math.round(value * 10_000) / 100}
        onChange={(e) => set(Number(e.target.value) / 100)}
      />
      %
    </label>
  );
}

/** The catalogue's select key for each reason a design has no sample size. */
const PROBLEM_KEY: Record<LiftDesignProblem, string> = {
  'baseline-outside': 'baseline',
  'lifted-outside': 'lifted',
  'no-lift': 'noLift',
  'alpha-outside': 'alpha',
  'power-outside': 'power',
};

/** How many profiles, and days of traffic, an A/B test needs to detect a lift. */
export function SampleSizePanel({
  baselineRate,
  entrantsPerDay,
}: {
  baselineRate: number | null;
  entrantsPerDay: number | null;
}) {
  const intl = useIntl();
  const [baseline, setBaseline] = useState(
    baselineRate !== null && baselineRate > 0 ? baselineRate : 0.05,
  );
  const [lift, setLift] = useState(0.1);
  const [confidence, setConfidence] = useState(0.95);
  const [power, setPower] = useState(0.8);
  const design = { baselineRate: baseline, relativeLift: lift, alpha: 1 - confidence, power };
  const problem = liftDesignProblem(design);
  const perArm = problem === null ? sampleSizeForLift(design) : null;
  const days =
    perArm !== null && entrantsPerDay !== null ? daysOfTrafficNeeded(perArm, entrantsPerDay) : null;
  return (
    <section className="forecast-section" aria-labelledby="sample-size-heading">
      <h2 id="sample-size-heading">
        <FormattedMessage id="forecast.sample-size-panel.sampleSizeForAnA" />
      </h2>
      <p className="muted">
        <FormattedMessage id="forecast.sample-size-panel.twoEqualArmsTwoSided" />
        {baselineRate !== null && (
          <>
            {' '}
            <FormattedMessage id="forecast.sample-size-panel.theBaselineStartsAtThe" />
          </>
        )}
      </p>
      <div className="forecast-controls">
        {percentInput(
          baseline,
          setBaseline,
          intl.formatMessage({ id: 'forecast.sample-size-panel.baseline' }),
        )}
        {percentInput(lift, setLift, intl.formatMessage({ id: 'forecast.sample-size-panel.lift' }))}
        {percentInput(
          confidence,
          setConfidence,
          intl.formatMessage({ id: 'forecast.sample-size-panel.confidence' }),
        )}
        {percentInput(
          power,
          setPower,
          intl.formatMessage({ id: 'forecast.sample-size-panel.power' }),
        )}
      </div>
      <p role="status" className="sample-size-answer">
        {problem !== null
          ? intl.formatMessage(
              { id: 'forecast.sample-size-panel.cannot' },
              { problem: PROBLEM_KEY[problem], lifted: baseline * (1 + lift) },
            )
          : intl.formatMessage(
              { id: 'forecast.sample-size-panel.perArmAndDays' },
              {
                perArm: perArm ?? 0,
                total: (perArm ?? 0) * 2,
                traffic: days === null ? 'unknown' : Number.isFinite(days) ? 'known' : 'none',
                days: days !== null && Number.isFinite(days) ? Math.round(days) : 0,
                perDay: formatNumber(entrantsPerDay ?? 0, 'number'),
              },
            )}
      </p>
    </section>
  );
}
