import {
  CHANNEL_LABELS,
  CHANNELS,
  journeyChannels,
  type SimulationResult,
  type Spec,
  type SpecStep,
} from '../domain/index.ts';

const int = new Intl.NumberFormat('en-US');
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  '),
    )
    .join('\n');
}

/** `1 profile`, `2 profiles`: the count and its noun, in English (the CLI's language). */
function counted(n: number, one: string, many = `${one}s`): string {
  return `${int.format(n)} ${n === 1 ? one : many}`;
}

/**
 * The steps as a reader follows the journey: from its entries along each branch in turn, then
 * any step no branch reaches (in id order, the spec's).
 */
function inJourneyOrder(spec: Spec): SpecStep[] {
  const ordered: SpecStep[] = [];
  const seen = new Set<string>();
  const visit = (id: string | null | undefined): void => {
    if (id === null || id === undefined || seen.has(id) || !Object.hasOwn(spec.steps, id)) return;
    seen.add(id);
    ordered.push(spec.steps[id] as SpecStep);
  };
  spec.entry.forEach(visit);
  for (let i = 0; i < ordered.length; i++) Object.values(ordered[i]?.next ?? {}).forEach(visit);
  Object.keys(spec.steps).forEach(visit);
  return ordered;
}

/** A plain-text report of a run: headline figures, channels, and every step's counts. */
export function formatSimulation(spec: Spec, result: SimulationResult): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const lines = [
    `${spec.journey.name}: ${counted(result.profiles, 'profile')}, ${day(result.start)} to ${day(result.end)} (${counted(result.horizonDays, 'day')}), seed ${result.seed}`,
    `entered ${counted(result.profilesEntered, 'profile')} (${counted(result.entries, 'entry', 'entries')}, ${int.format(result.controlEntries)} held out)`,
  ];
  if (result.goal) {
    lines.push(
      `goal ${result.goal.event}: ${int.format(result.goal.conversions)} conversions (${pct.format(result.goal.rate)}), revenue ${money.format(result.goal.revenue)}`,
    );
  }
  // Every channel the journey has a step on, 0s included: a channel that sent nothing is the
  // figure a reader looks for (everyone unreachable, capped or gone before it).
  const used = new Set(journeyChannels(result));
  const shown = CHANNELS.filter((c) => used.has(c) || (result.channels[c]?.sent ?? 0) > 0);
  const channelRows = shown.map((c) => {
    const ch = result.channels[c];
    const suppressed = ch
      ? ch.suppressed.unreachable +
        ch.suppressed.frequency_cap +
        ch.suppressed.quiet_hours_dropped +
        ch.suppressed.unsubscribed
      : 0;
    return [
      CHANNEL_LABELS[c],
      int.format(ch?.sent ?? 0),
      int.format(ch?.delivered ?? 0),
      int.format(ch?.opened ?? 0),
      int.format(ch?.clicked ?? 0),
      int.format(ch?.unsubscribed ?? 0),
      int.format(suppressed),
      money.format(ch?.cost ?? 0),
    ];
  });
  if (channelRows.length > 0) {
    lines.push(
      '',
      table([
        ['channel', 'sent', 'delivered', 'opened', 'clicked', 'unsubscribed', 'suppressed', 'cost'],
        ...channelRows,
      ]),
    );
  }
  const stepRows = inJourneyOrder(spec).map((step) => {
    const s = result.steps[step.id];
    const exited = s ? Object.values(s.exitedBy).reduce((a, b) => a + b, 0) : 0;
    return [
      `${step.label} (${step.kind})`,
      int.format(s?.entered ?? 0),
      Object.entries(s?.byBranch ?? {})
        .map(([branch, n]) => `${branch} ${int.format(n)}`)
        .join(', ') || '—',
      int.format(s?.waiting ?? 0),
      int.format(exited),
    ];
  });
  lines.push('', table([['step', 'entered', 'branches', 'waiting', 'exited'], ...stepRows]));
  return `${lines.join('\n')}\n`;
}
