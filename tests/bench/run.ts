// `npm run bench`: every benchmark, one table. Figures are medians of the runs each bench makes;
// targets come from the issues. Pass names to run a subset: `npm run bench -- core simulate`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Row {
  area: string;
  measure: string;
  value: string;
  target: string;
  ok: boolean | null;
}

const ms = (n: number) => `${Math.round(n * 10) / 10} ms`;

type Bench = () => Promise<Row[]>;

/** Rows of benches that report `{ name, value, unit: 'ms' | '×', target }`. */
function unitRows(
  area: string,
  rows: readonly { name: string; value: number; unit: 'ms' | '×'; target: number | null }[],
): Row[] {
  return rows.map((r) => {
    const show = (n: number) => (r.unit === 'ms' ? ms(n) : `${Math.round(n * 100) / 100}×`);
    return {
      area,
      measure: r.name,
      value: show(r.value),
      target: r.target === null ? '—' : `≤ ${show(r.target)}`,
      ok: r.target === null ? null : r.value <= r.target,
    };
  });
}

const BENCHES: Record<string, Bench> = {
  async core() {
    const { runCoreBench } = await import('./core-bench.ts');
    const r = runCoreBench();
    return [
      {
        area: 'core',
        measure: `validate + compile, ${r.steps}-step document (median; CPU ${ms(r.cpuMedianMs)})`,
        value: ms(r.medianMs),
        target: `≤ ${ms(r.budgetMs)}`,
        ok: r.medianMs <= r.budgetMs,
      },
    ];
  },
  async profiles() {
    const { runProfilesBench } = await import('./profiles-bench.ts');
    return (await runProfilesBench()).map((r) => ({
      area: 'profiles (Node)',
      measure: r.name,
      value: ms(r.value),
      target: r.target === null ? '—' : `≤ ${ms(r.target)}`,
      ok: r.target === null ? null : r.value <= r.target,
    }));
  },
  async 'profiles-browser'() {
    const { runProfilesBrowserBench } = await import('./browser/profiles.ts');
    return (await runProfilesBrowserBench()).map((r) => ({
      area: 'profiles (Chromium)',
      measure: r.name,
      value: ms(r.ms),
      target: `≤ ${ms(r.target)}`,
      ok: r.ms <= r.target,
    }));
  },
  async simulate() {
    const { runSimulateBench } = await import('./simulate-bench.ts');
    return unitRows('simulator (Node)', await runSimulateBench());
  },
  async 'simulate-browser'() {
    const { runSimulateBrowserBench } = await import('./browser/simulate.ts');
    return unitRows('simulator (Chromium)', await runSimulateBrowserBench());
  },
  async 'simulation-panel'() {
    const { runSimulationPanelBench } = await import('./browser/simulation-panel.ts');
    return unitRows('simulation panel (Chromium)', await runSimulationPanelBench());
  },
  async 'simulation-panel-100k'() {
    const { runSimulationPanelBench } = await import('./browser/simulation-panel.ts');
    const rows = await runSimulationPanelBench(3, 100_000);
    return unitRows('simulation panel (Chromium)', rows);
  },
  async 'forecast-page'() {
    const { runForecastPageBench } = await import('./browser/forecast-page.ts');
    return unitRows('forecast page (Chromium)', await runForecastPageBench());
  },
  async 'profile-pages'() {
    const { runProfilePagesBench } = await import('./browser/profile-pages.ts');
    return unitRows('profile pages (Chromium)', await runProfilePagesBench());
  },
  async forecast() {
    const { runForecastBench } = await import('./forecast-bench.ts');
    return unitRows('forecast (Node)', await runForecastBench());
  },
  async 'clv-fit'() {
    const { runClvFitBench } = await import('./clv-fit-bench.ts');
    return unitRows('customer value (Node)', runClvFitBench());
  },
  async executor() {
    const { runExecutorBench } = await import('./executor-bench.ts');
    return (await runExecutorBench()).flatMap((r) => {
      const area = `executor (Postgres, ${r.processes} process${r.processes > 1 ? 'es' : ''})`;
      const n = r.profiles.toLocaleString('en');
      return [
        {
          area,
          measure: `${n} profiles through the welcome series: ${r.stepExecutions.toLocaleString('en')} step executions in ${r.engineSeconds.toFixed(1)} s`,
          value: `${Math.round(r.stepsPerSecond)} steps/s`,
          target: r.processes === 2 ? '≥ 2000 steps/s' : '—',
          ok: r.processes === 2 ? r.stepsPerSecond >= 2000 : null,
        },
        {
          area,
          measure: `sends written to the outbox (${r.sends.toLocaleString('en')}); all delivered after ${r.deliveredSeconds.toFixed(1)} s`,
          value: `${Math.round(r.sendsPerSecond)} sends/s`,
          target: '—',
          ok: null,
        },
        {
          area,
          measure: 'Postgres rows written per step execution: executor tables; DBOS system tables',
          value: `${r.rowsPerStep.toFixed(2)}; ${r.systemRowsPerStep.toFixed(2)}`,
          target: '—',
          ok: null,
        },
      ];
    });
  },
  async canvas() {
    const { runCanvasBench } = await import('./canvas/run.ts');
    const rows = await runCanvasBench();
    return rows.map((r) => {
      const plain = rows.find((p) => p.variant === 'plain' && p.nodes === r.nodes);
      const ratio = plain ? r.loadMs / plain.loadMs : 1;
      const ours = r.variant === 'ours';
      return {
        area: 'canvas (Chromium)',
        measure: `${r.nodes} ${ours ? 'Wayfinder' : 'plain React Flow'} nodes (${r.drawnNodes} mounted at load): load; pan frame mean / p95`,
        value: `${ms(r.loadMs)}${ours ? ` (${ratio.toFixed(2)}× plain)` : ''}; ${ms(r.frameMeanMs)} / ${ms(r.frameP95Ms)}`,
        target: ours ? `load ≤ 1.2× plain${r.nodes >= 1000 ? '; p95 ≤ 20 ms' : ''}` : '—',
        ok: ours ? ratio <= 1.2 && (r.nodes < 1000 || r.frameP95Ms <= 20) : null,
      };
    });
  },
};

async function main() {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  const rows: Row[] = [];
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`no bench "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.stderr.write(`running ${name}…\n`);
    try {
      rows.push(...(await bench()));
    } catch (error) {
      rows.push({
        area: name,
        measure: 'failed to run',
        value: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
        target: '—',
        ok: false,
      });
    }
  }
  const table = [
    '| area | measure | value | target | |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.area} | ${r.measure} | ${r.value} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'} |`,
    ),
  ].join('\n');
  process.stdout.write(`${table}\n`);
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'latest.md'), `${new Date().toISOString()}\n\n${table}\n`);
}

await main();
