import { pathToFileURL } from 'node:url';
import {
  compile,
  createJourney,
  sequentialIds,
  validate,
  type JourneyDocument,
  type JourneyStep,
} from '../../src/domain/index.ts';

/** Figures of one bench run, in milliseconds. */
export interface CoreBenchResult {
  name: string;
  steps: number;
  iterations: number;
  medianMs: number;
  p95Ms: number;
  /** Median CPU time of this process per run: steadier than wall time on a busy machine. */
  cpuMedianMs: number;
  budgetMs: number;
}

const BUDGET_MS = 20;

/** A realistic 1,000-step journey: a trigger, then blocks of split → messages → delay, chained. */
export function buildLargeDocument(size = 1000): JourneyDocument {
  const doc = createJourney('Bench', Date.UTC(2026, 0, 1), sequentialIds('bench'));
  const steps: JourneyStep[] = [];
  const connections: JourneyDocument['connections'] = [];
  const add = (kind: string, config: Record<string, unknown>): string => {
    const id = `s${steps.length}`;
    steps.push({
      id,
      kind,
      label: `${kind} ${steps.length}`,
      config,
      position: { x: steps.length * 300, y: 0 },
    });
    return id;
  };
  const link = (from: string, to: string, fromBranch = 'next'): void => {
    connections.push({ id: `c${connections.length}`, from, fromBranch, to });
  };
  let last = add('event', { event: 'signed_up', propertyFilters: [] });
  while (steps.length + 5 <= size) {
    const split = add('if_else', {
      condition: {
        type: 'group',
        op: 'and',
        rules: [
          {
            type: 'attribute',
            attribute: 'country',
            valueType: 'text',
            operator: 'equals',
            value: 'FR',
          },
          {
            type: 'event_count',
            event: 'order_placed',
            comparison: 'at_least',
            count: 1,
            withinDays: 30,
            propertyFilters: [],
          },
        ],
      },
    });
    const email = add('email', {
      subject: 'Hello',
      preheader: '',
      body: 'Body',
      from: '',
      templateName: '',
    });
    const sms = add('sms', { text: 'Hello there' });
    const join = add('random_split', {
      variants: [
        { key: 'a', label: 'A', percent: 50 },
        { key: 'b', label: 'B', percent: 50 },
      ],
    });
    const delay = add('delay', { amount: 1, unit: 'days' });
    link(last, split);
    link(split, email, 'yes');
    link(split, sms, 'no');
    link(email, join);
    link(join, delay, 'a');
    link(join, delay, 'b');
    last = delay;
  }
  while (steps.length < size) {
    const push = add('push', { title: 'Hi', body: 'There', deepLink: '' });
    link(last, push);
    last = push;
  }
  doc.steps = steps;
  doc.connections = connections;
  return doc;
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/** Validates and compiles a 1,000-step document: warm-up, then 50 timed runs. */
export function runCoreBench(iterations = 50, size = 1000): CoreBenchResult {
  const doc = buildLargeDocument(size);
  for (let i = 0; i < 10; i++) {
    validate(doc);
    compile(doc);
  }
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const { spec } = compile(doc);
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
    if (spec === null) throw new Error('the bench document must compile');
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    name: `validate + compile, ${size} steps`,
    steps: size,
    iterations,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    cpuMedianMs: round(percentile(cpu, 50)),
    budgetMs: BUDGET_MS,
  };
}

/** One markdown table row: | bench | median | p95 | CPU median | budget | */
export function formatCoreBenchRow(r: CoreBenchResult): string {
  const verdict = r.medianMs <= r.budgetMs ? 'ok' : 'over budget';
  return `| ${r.name} | ${r.medianMs} ms | ${r.p95Ms} ms | ${r.cpuMedianMs} ms | ≤ ${r.budgetMs} ms (${verdict}) |`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = runCoreBench();
  process.stdout.write('| bench | median | p95 | CPU median | budget |\n|---|---|---|---|---|\n');
  process.stdout.write(`${formatCoreBenchRow(result)}\n`);
}
