import type { ReactNode } from 'react';
import './kpi.css';

/** A responsive grid of {@link KpiCard}s, named for assistive technology. */
export function KpiGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section className="kpi-grid" aria-label={label}>
      {children}
    </section>
  );
}
