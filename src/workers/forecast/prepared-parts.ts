import type { Spec } from '../../domain/compile/spec-schema.ts';
import { joinPrepared } from '../../domain/simulate/join-prepared.ts';
import { createSimulationPlan, type SimulationPlan } from '../../domain/simulate/plan.ts';
import { prepareColumns, type PreparedProfiles } from '../../domain/simulate/prepared-profiles.ts';
import {
  concatColumns,
  memoColumns,
  type ProfileColumns,
} from '../../domain/simulate/profile-columns.ts';
import { hashMore, hashText } from '../../domain/simulate/seeded.ts';
import { npsFromColumns, type NpsSummary } from '../../domain/forecast/nps.ts';
import type { SimulationOptions } from '../../domain/simulate/options.ts';

type Triggers = SimulationPlan['triggers'];

/** The simulated period of a forecast: every variant and partition shares it. */
export interface Period {
  start: number;
  horizonDays: number;
}

/** Journeys and periods whose trigger set is kept: a few choices of journeys on the page. */
const KEPT_TRIGGER_SETS = 16;

/** A share's batches as one, with each trigger set's entries joined from the batches'. */
interface WholeShare {
  parts: readonly ProfileColumns[];
  columns: ProfileColumns;
  prepared: WeakMap<Triggers, PreparedProfiles>;
}

/**
 * What a forecast worker works out once for the parts of sets it keeps and reuses in every
 * forecast over them, whatever the seed: each kept batch's profiles decoded (stored chunks decode
 * a profile when it is read), each journey's entries over it for a period (who enters, when), the
 * hash that picks the traced profiles, the NPS of its survey answers, and the batches joined into the share the replications
 * after the first run over. Worked out ahead of a run when the page names its journeys and
 * period (see `prepare` in `forecast-host.ts`), or by the first run that needs it.
 *
 * Everything is keyed by the kept batches (weakly: dropped with them when the set cache lets a
 * part go) and by the trigger set of a journey and period. A journey's plans share one trigger
 * set per period, so entries worked out for one plan serve every plan of the same journey and
 * period (other seeds, other behaviour assumptions): entries depend on neither.
 */
export class PreparedParts {
  private readonly decoded = new WeakMap<ProfileColumns, ProfileColumns>();
  private readonly entries = new WeakMap<ProfileColumns, WeakMap<Triggers, PreparedProfiles>>();
  private readonly traceKeys = new WeakMap<ProfileColumns, Uint32Array>();
  private readonly answers = new WeakMap<ProfileColumns, NpsSummary>();
  private readonly wholes = new WeakMap<ProfileColumns, WholeShare>();
  /** Per journey and period, the trigger set every plan of it shares (most recent last). */
  private readonly triggerSets = new Map<string, Triggers>();

  /** A kept batch with the profiles decoded from it so far: none is decoded twice. */
  columns(raw: ProfileColumns): ProfileColumns {
    let columns = this.decoded.get(raw);
    if (columns === undefined) {
      columns = memoColumns(raw);
      this.decoded.set(raw, columns);
    }
    return columns;
  }

  /**
   * The plan of `spec` with `options` over `period`, sharing the trigger set of every plan made
   * for the same journey and period (so their entries are worked out once).
   */
  plan(spec: Spec, options: SimulationOptions, period: Period | null): SimulationPlan {
    const plan = createSimulationPlan(spec, { ...options, ...period, traceSample: 0 });
    const key = `${plan.start}\u0000${plan.horizonDays}\u0000${JSON.stringify(spec)}`;
    const kept = this.triggerSets.get(key);
    this.triggerSets.delete(key);
    this.triggerSets.set(key, kept ?? plan.triggers);
    if (this.triggerSets.size > KEPT_TRIGGER_SETS) {
      const oldest = this.triggerSets.keys().next().value as string;
      this.triggerSets.delete(oldest);
    }
    return kept === undefined ? plan : { ...plan, triggers: kept };
  }

  /** Whether the entries of `plan`'s trigger set over `columns` are worked out already. */
  hasEntries(plan: SimulationPlan, columns: ProfileColumns): boolean {
    return this.entries.get(columns)?.has(plan.triggers) === true;
  }

  /** The entries of `plan`'s trigger set over `columns` (decoded columns of a kept batch). */
  entriesOf(plan: SimulationPlan, columns: ProfileColumns): PreparedProfiles {
    let byTriggers = this.entries.get(columns);
    if (byTriggers === undefined) {
      byTriggers = new WeakMap();
      this.entries.set(columns, byTriggers);
    }
    let prepared = byTriggers.get(plan.triggers);
    if (prepared === undefined) {
      prepared = prepareColumns(plan, columns);
      byTriggers.set(plan.triggers, prepared);
    }
    return prepared;
  }

  /**
   * Per profile of `columns`, the hash that decides whether a forecast traces it (it is traced
   * when the hash is under the share's threshold): the same for every forecast.
   */
  traceKeysOf(columns: ProfileColumns): Uint32Array {
    let keys = this.traceKeys.get(columns);
    if (keys === undefined) {
      keys = new Uint32Array(columns.count);
      for (let i = 0; i < columns.count; i++)
        keys[i] = hashMore(hashText(columns.id(i)), ':forecast');
      this.traceKeys.set(columns, keys);
    }
    return keys;
  }

  /** The NPS of the survey answers in the histories of `columns` (see `npsFromColumns`). */
  npsOf(columns: ProfileColumns): NpsSummary {
    let nps = this.answers.get(columns);
    if (nps === undefined) {
      nps = npsFromColumns(columns);
      this.answers.set(columns, nps);
    }
    return nps;
  }

  /**
   * The batches as one share (their columns joined) and the entries of each of `plans` over it,
   * joined from the batches' (worked out for any batch that has none yet).
   */
  whole(
    parts: readonly ProfileColumns[],
    plans: readonly SimulationPlan[],
  ): { columns: ProfileColumns; entriesOf: (plan: SimulationPlan) => PreparedProfiles } {
    const share = this.shareOf(parts);
    const entriesOf = (plan: SimulationPlan): PreparedProfiles => {
      let prepared = share.prepared.get(plan.triggers);
      if (prepared === undefined) {
        prepared =
          parts.length === 1
            ? this.entriesOf(plan, share.columns)
            : joinPrepared(
                parts.map((part) => this.entriesOf(plan, part)),
                share.columns,
              );
        share.prepared.set(plan.triggers, prepared);
      }
      return prepared;
    };
    for (const plan of plans) entriesOf(plan);
    return { columns: share.columns, entriesOf };
  }

  private shareOf(parts: readonly ProfileColumns[]): WholeShare {
    const last = parts[parts.length - 1];
    if (last === undefined) throw new RangeError('a share needs at least one batch');
    const kept = this.wholes.get(last);
    if (
      kept !== undefined &&
      kept.parts.length === parts.length &&
      kept.parts.every((part, i) => part === parts[i])
    )
      return kept;
    const share: WholeShare = {
      parts: [...parts],
      columns: parts.length === 1 ? last : concatColumns(parts),
      prepared: new WeakMap(),
    };
    this.wholes.set(last, share);
    return share;
  }
}
