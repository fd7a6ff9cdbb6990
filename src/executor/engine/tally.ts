import type { RunEnd } from './state.ts';

/**
 * Count changes of one batch, per journey version, as flat keys so a batch stores them as one
 * JSON row and readers add rows up: `entered|step`, `waiting|step`, `branch|step|key`,
 * `exit|step|reason`, `sent|step`, `suppressed|step|cause`, `entries`, `conversions`,
 * `control.entries`, `control.conversions`, and per UTC day `day|YYYY-MM-DD|entries|sends|conversions`.
 */
export type CountDeltas = Record<string, number>;

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

export class Tally {
  /** Keyed `${journeyId}\u0000${version}`. */
  readonly byVersion = new Map<string, CountDeltas>();

  private deltas(journeyId: string, version: number): CountDeltas {
    const key = `${journeyId}\u0000${version}`;
    let d = this.byVersion.get(key);
    if (d === undefined) {
      d = {};
      this.byVersion.set(key, d);
    }
    return d;
  }

  /** Adds another tally's changes to this one (a profile's, once it advanced without failing). */
  merge(other: Tally): void {
    for (const [key, deltas] of other.byVersion) {
      const [journeyId = '', version = '0'] = key.split('\u0000');
      for (const [k, n] of Object.entries(deltas)) this.add(journeyId, Number(version), k, n);
    }
  }

  add(journeyId: string, version: number, key: string, n = 1): void {
    const d = this.deltas(journeyId, version);
    d[key] = (d[key] ?? 0) + n;
  }

  arrived(j: string, v: number, stepId: string): void {
    this.add(j, v, `entered|${stepId}`);
  }
  waits(j: string, v: number, stepId: string, n: 1 | -1): void {
    this.add(j, v, `waiting|${stepId}`, n);
  }
  branch(j: string, v: number, stepId: string, key: string): void {
    this.add(j, v, `branch|${stepId}|${key}`);
  }
  ended(j: string, v: number, stepId: string, reason: RunEnd): void {
    this.add(j, v, `exit|${stepId}|${reason}`);
  }
  entry(j: string, v: number, at: number, control: boolean): void {
    this.add(j, v, control ? 'control.entries' : 'entries');
    if (!control) this.add(j, v, `day|${dayOf(at)}|entries`);
  }
  sent(j: string, v: number, stepId: string, at: number): void {
    this.add(j, v, `sent|${stepId}`);
    this.add(j, v, `day|${dayOf(at)}|sends`);
  }
  suppressed(j: string, v: number, stepId: string, cause: string): void {
    this.add(j, v, `suppressed|${stepId}|${cause}`);
  }
  conversion(j: string, v: number, at: number, control: boolean): void {
    this.add(j, v, control ? 'control.conversions' : 'conversions');
    if (!control) this.add(j, v, `day|${dayOf(at)}|conversions`);
  }
}
