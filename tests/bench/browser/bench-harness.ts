// Helpers shared by the Chromium benches that drive a bench page through Playwright.
import type { Page } from '@playwright/test';

/** The functions a bench page puts on `window`, all called from Node. */
type PageApi<Api> = { [K in keyof Api]: (...args: never[]) => unknown };

/** Calls one of a bench page's functions with arguments that survive the trip to the page. */
export type Caller<Api extends PageApi<Api>> = <K extends keyof Api & string>(
  name: K,
  ...args: Parameters<Api[K]>
) => ReturnType<Api[K]>;

/** Calls `window[api][name](...args)` in the page. */
export function pageCaller<Api extends PageApi<Api>>(page: Page, api: string): Caller<Api> {
  return (name, ...args) =>
    page.evaluate(
      ([g, n, a]) =>
        (window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)[g]?.[
          n
        ]?.(...a),
      [api, name, args] as const,
    ) as never;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Prints bench rows of milliseconds, one a line, with the verdict against each target. */
export function printMsRows(
  rows: readonly { name: string; value: number; target: number | null }[],
): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const verdict =
      row.target === null
        ? ''
        : `(target ≤ ${row.target} ms) ${row.value <= row.target ? 'ok' : 'OVER'}`;
    process.stdout.write(
      `${row.name.padEnd(width)} ${row.value.toFixed(0).padStart(7)} ms  ${verdict}\n`,
    );
  }
}
