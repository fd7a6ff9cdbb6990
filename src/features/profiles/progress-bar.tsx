import { formatCount } from './format.ts';

interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** What is counted, e.g. "profiles"; shown as "1,000 of 10,000 profiles". */
  unit?: string;
}

/** A labelled determinate progress bar. */
export function ProgressBar({ label, value, max, unit }: ProgressBarProps) {
  const percent = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span className="muted">
          {unit
            ? `${formatCount(value)} of ${formatCount(max)} ${unit}`
            : `${Math.round(percent)}%`}
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
