// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SeriesChart } from '../../../src/ui/charts/series-chart.tsx';
import { formatNumber } from '../../../src/ui/kpi/format-number.ts';
import { KpiCard } from '../../../src/ui/kpi/kpi-card.tsx';
import { KpiGrid } from '../../../src/ui/kpi/kpi-grid.tsx';

describe('KPI cards', () => {
  it('formats values with Intl and shows an optional p10–p90 range', () => {
    render(
      <KpiGrid label="Figures">
        <KpiCard label="Entered" value={12345} detail="of 20,000 profiles" />
        <KpiCard label="Rate" value={0.1234} format="percent" />
        <KpiCard
          label="Revenue"
          value={1234.5}
          format="currency"
          range={{ p10: 1000, p50: 1234.5, p90: 1500 }}
        />
        <KpiCard label="Uplift" value={null} format="points" />
      </KpiGrid>,
    );
    const grid = screen.getByRole('region', { name: 'Figures' });
    expect(within(grid).getByRole('group', { name: 'Entered' })).toHaveTextContent(
      'Entered12,345of 20,000 profiles',
    );
    expect(screen.getByRole('group', { name: 'Rate' })).toHaveTextContent('12.3%');
    expect(screen.getByRole('group', { name: 'Revenue' })).toHaveTextContent(
      '$1,235' + '80% range $1,000 – $1,500',
    );
    expect(screen.getByRole('group', { name: 'Uplift' })).toHaveTextContent('–');
  });

  it('writes points, small currency and non-finite numbers', () => {
    expect(formatNumber(0.012, 'points')).toBe('+1.2 pp');
    expect(formatNumber(-0.005, 'points')).toBe('-0.5 pp');
    expect(formatNumber(7.5, 'currency')).toBe('$7.50');
    expect(formatNumber(Number.NaN)).toBe('–');
  });
});

describe('SeriesChart', () => {
  it('swaps the chart for a table with the same numbers', async () => {
    render(
      <SeriesChart
        title="Sends per day"
        categoryLabel="Day"
        xAxisLabel="Day"
        yAxisLabel="Messages sent"
        categories={['2024-01-01', '2024-01-02']}
        series={[
          { key: 'email', label: 'Email', values: [1200, 30] },
          { key: 'sms', label: 'SMS', values: [4, 5] },
        ]}
        bands={[{ key: 'range', label: '80% range', lower: [1000, 20], upper: [1400, 40] }]}
      />,
    );
    expect(screen.getByRole('figure', { name: 'Sends per day' })).toBeVisible();
    expect(screen.getByRole('img', { name: /Sends per day: chart/ })).toBeVisible();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Sends per day' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'DayEmailSMS80% range',
      '2024-01-011,20041,000 – 1,400',
      '2024-01-02305' + '20 – 40',
    ]);
    await user.click(screen.getByRole('button', { name: 'Show as chart' }));
    expect(screen.queryByRole('table')).toBeNull();
  });
});
