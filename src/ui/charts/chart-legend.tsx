export interface LegendItem {
  key: string;
  label: string;
  colour: string;
  /** A shaded range rather than a line or bar. */
  band: boolean;
}

/** The series of a chart, named above the plot so no one hunts for what a colour means. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.key}>
          <span
            className={`chart-legend-swatch${item.band ? ' chart-legend-swatch--band' : ''}`}
            style={{ background: item.colour }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
