import { FormattedMessage, useIntl } from 'react-intl';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { formatCount } from './format.ts';

interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** Counts profiles: shown as "1,000 of 10,000 profiles" (else as a percentage). */
  unit?: 'profiles';
}

/** A labelled determinate progress bar. */
export function ProgressBar({ label, value, max, unit }: ProgressBarProps) {
  useIntl(); // the figures follow a change of language
  const percent = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span className="muted">
          {unit ? (
            <FormattedMessage
              id="profiles.progress.ofProfiles"
              values={{ value: formatCount(value), max: formatCount(max) }}
            />
          ) : (
            formatNumber(percent / 100, 'percent')
          )}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
