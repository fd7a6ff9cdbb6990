import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { formatNumber, type NumberFormat } from './format-number.ts';
import './kpi.css';

/** A forecast's spread: the 10th, 50th and 90th percentiles. */
export interface KpiRange {
  p10: number;
  p50: number;
  p90: number;
}

export interface KpiCardProps {
  /** The card's name, e.g. "Converted"; also its accessible name. */
  label: string;
  /** The figure; null shows a dash (not applicable). */
  value: number | null;
  /** How `value` and `range` are written; default `count`. */
  format?: NumberFormat;
  /** ISO currency code for the `currency` format; default the workspace currency. */
  currency?: string;
  /** A range shown under the value as "80% range p10 – p90". */
  range?: KpiRange;
  /** A second line, e.g. "of 5,000 profiles". */
  detail?: ReactNode;
  /** Colours the value: good news, bad news, or neither (default). */
  tone?: 'neutral' | 'positive' | 'negative';
}

/** One headline figure, with an optional p10–p90 range. */
export function KpiCard({
  label,
  value,
  format = 'count',
  currency,
  range,
  detail,
  tone = 'neutral',
}: KpiCardProps) {
  useIntl(); // re-renders the figures when the language changes
  const text = value === null ? '–' : formatNumber(value, format, currency);
  return (
    <div className="kpi-card" role="group" aria-label={label}>
      <div className="kpi-label">{label}</div>
      <div className={`kpi-value kpi-${tone}`}>{text}</div>
      {range && (
        <div className="kpi-range">
          <FormattedMessage
            id="kpi.range"
            values={{
              low: formatNumber(range.p10, format, currency),
              high: formatNumber(range.p90, format, currency),
            }}
          />
        </div>
      )}
      {detail !== undefined && <div className="kpi-detail">{detail}</div>}
    </div>
  );
}
