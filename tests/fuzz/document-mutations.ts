import fc from 'fast-check';
import { TEMPLATES, compile, specToJson, type JourneyDocument } from '../../src/domain/index.ts';

/** Templates are built at a fixed time with their own id, so every run mutates the same bases. */
export const FUZZ_NOW = Date.UTC(2026, 0, 15);

type Json = unknown;
type Mutable = Record<string, unknown>;

/** The seven shipped templates as documents and as compiled specs, plain JSON values. */
export function baseInputs(): { documents: Json[]; specs: Json[] } {
  const documents: JourneyDocument[] = TEMPLATES.map((t) => t.build(FUZZ_NOW, () => t.id));
  return {
    documents: documents.map((d) => JSON.parse(JSON.stringify(d)) as Json),
    specs: documents.map((d) => {
      const spec = compile(d).spec;
      if (spec === null) throw new Error(`template ${d.id} does not compile`);
      return JSON.parse(specToJson(spec)) as Json;
    }),
  };
}

interface Place {
  path: (string | number)[];
  value: Json;
}

/**
 * The places in a value with what is there, found without recursion; nothing below 40 levels
 * (mutations need not reach inside an already deep value, and listing it would be quadratic).
 */
function placesIn(value: Json): Place[] {
  const out: Place[] = [];
  const stack: Place[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const place = stack.pop() as Place;
    out.push(place);
    const { value: v, path } = place;
    if (path.length >= 40) continue;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else if (v !== null && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) stack.push({ value: item, path: [...path, k] });
  }
  return out;
}

function at(value: Json, path: readonly (string | number)[]): Json {
  let v = value;
  for (const key of path) v = (v as Mutable)[key as string];
  return v;
}

/** Sets a value at a path with a defined own property (a "__proto__" key stays a key). */
function setAt(root: Json, path: readonly (string | number)[], next: Json): Json {
  if (path.length === 0) return next;
  const parent = at(root, path.slice(0, -1)) as Mutable;
  Object.defineProperty(parent, path[path.length - 1] as string, {
    value: next,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return root;
}

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

/** Names no id or key may take. */
export const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  '',
  ' lead',
  'nul\u0000',
  'rtl\u202Eexe.png',
  'x'.repeat(129),
  '\ud800',
] as const;

const HUGE_NUMBERS = [1e308, -1e308, 1e21, 2 ** 53 + 2, -1, 0, 0.5] as const;
const NOT_FINITE = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN] as const;
const WRONG_VALUES: readonly Json[] = [null, 'text', 42, true, [], {}, [1, 'a'], { a: 1 }];
// Deep enough to overflow a recursive walk, shallow enough for the harness's own JSON.stringify.
const DEPTHS = [21, 60, 300, 1500] as const;

/** One mutation: what it is, and two numbers that choose where and what. */
export const MUTATION_KINDS = [
  'deep-condition',
  'deep-value',
  'hostile-step-id',
  'hostile-branch-key',
  'huge-number',
  'not-finite',
  'drop-field',
  'duplicate',
  'wrong-type',
  'dangling',
  'cycle',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];
export type Mutation = [kind: MutationKind, where: number, what: number];

function nestedGroup(depth: number): Json {
  let group: Json = { type: 'group', op: 'and', rules: [] };
  for (let i = 1; i < depth; i++) group = { type: 'group', op: 'or', rules: [group] };
  return group;
}

function nestedArray(depth: number): Json {
  let v: Json = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Step records of a document (array) or a spec (map). */
function stepsOf(value: Json, isSpec: boolean): Mutable[] {
  const steps = (value as Mutable)['steps'];
  const list: Json[] = isSpec
    ? steps !== null && typeof steps === 'object' && !Array.isArray(steps)
      ? Object.values(steps)
      : []
    : Array.isArray(steps)
      ? steps
      : [];
  return list.filter((s): s is Mutable => s !== null && typeof s === 'object' && !Array.isArray(s));
}

/** Renames a step everywhere it is referred to (arrows, entry, next, map key). */
function renameStep(value: Json, isSpec: boolean, from: string, to: string): void {
  const root = value as Mutable;
  if (isSpec) {
    const steps = root['steps'] as Mutable;
    const rebuilt: Mutable = {};
    for (const [key, step] of Object.entries(steps)) {
      const s = step as Mutable;
      if (s === null || typeof s !== 'object') continue;
      if (s['id'] === from) s['id'] = to;
      const next = s['next'];
      if (next !== null && typeof next === 'object')
        for (const [b, target] of Object.entries(next))
          if (target === from) (next as Mutable)[b] = to;
      setAt(rebuilt, [key === from ? to : key], s);
    }
    root['steps'] = rebuilt;
    if (Array.isArray(root['entry']))
      root['entry'] = root['entry'].map((e) => (e === from ? to : e));
    return;
  }
  for (const s of stepsOf(value, false)) if (s['id'] === from) s['id'] = to;
  const connections = root['connections'];
  if (Array.isArray(connections))
    for (const c of connections as Mutable[]) {
      if (c === null || typeof c !== 'object') continue;
      if (c['from'] === from) c['from'] = to;
      if (c['to'] === from) c['to'] = to;
    }
}

/**
 * Applies one mutation in place. Returns true when the mutation certainly makes the input
 * invalid (so a diagnostic must follow), false when it may or may not.
 */
export function mutate(value: Json, isSpec: boolean, [kind, where, what]: Mutation): boolean {
  const steps = stepsOf(value, isSpec);
  const places = () => placesIn(value);
  switch (kind) {
    case 'deep-condition': {
      const groups = places().filter(
        (p) =>
          p.value !== null &&
          typeof p.value === 'object' &&
          (p.value as Mutable)['type'] === 'group',
      );
      const path = pick(groups, where)?.path;
      if (path === undefined) return false;
      setAt(value, path, nestedGroup(pick(DEPTHS, what) as number));
      return true;
    }
    case 'deep-value': {
      const step = pick(steps, where);
      const config = isSpec ? step : step?.['config'];
      if (config === null || typeof config !== 'object') return false;
      (config as Mutable)['zz'] = nestedArray((pick(DEPTHS, what) as number) + 100);
      return true;
    }
    case 'hostile-step-id': {
      const step = pick(steps, where);
      if (step === undefined || typeof step['id'] !== 'string') return false;
      renameStep(value, isSpec, step['id'], pick(HOSTILE_NAMES, what) as string);
      return true;
    }
    case 'hostile-branch-key': {
      const keyed = places().filter(
        (p) => p.path[p.path.length - 1] === 'key' && typeof p.value === 'string',
      );
      const path = pick(keyed, where)?.path;
      if (path === undefined) return false;
      setAt(value, path, pick(HOSTILE_NAMES, what));
      return false; // the key may belong to a header, not a branch
    }
    case 'huge-number': {
      const numbers = places().filter((p) => typeof p.value === 'number');
      const path = pick(numbers, where)?.path;
      if (path === undefined) return false;
      setAt(value, path, pick(HUGE_NUMBERS, what));
      return false;
    }
    case 'not-finite': {
      const numbers = places().filter((p) => typeof p.value === 'number');
      const path = pick(numbers, where)?.path;
      if (path === undefined) return false;
      setAt(value, path, pick(NOT_FINITE, what));
      return true;
    }
    case 'drop-field': {
      const path = pick(
        places().filter((p) => p.path.length > 0),
        where,
      )?.path;
      if (path === undefined) return false;
      const parent = at(value, path.slice(0, -1));
      const key = path[path.length - 1] as string | number;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Mutable)[key as string];
      return false;
    }
    case 'duplicate': {
      const arrays = places().filter((p) => Array.isArray(p.value) && p.value.length > 0);
      const found = pick(arrays, where);
      if (found === undefined) return false;
      const { path } = found;
      const list = found.value as Json[];
      list.push(structuredClone(pick(list, what)));
      // A second step or arrow with the same id is always an error.
      return !isSpec && path.length === 1 && (path[0] === 'steps' || path[0] === 'connections');
    }
    case 'wrong-type': {
      const path = pick(places(), where)?.path;
      if (path === undefined) return false;
      setAt(value, path, structuredClone(pick(WRONG_VALUES, what)));
      return false;
    }
    case 'dangling': {
      if (isSpec) {
        const step = pick(steps, where);
        const next = step?.['next'];
        const branch =
          next !== null && typeof next === 'object' ? pick(Object.keys(next), what) : undefined;
        if (branch === undefined) return false;
        (next as Mutable)[branch] = 'ghost-step';
        return true;
      }
      const connections = (value as Mutable)['connections'];
      const from = pick(steps, where)?.['id'];
      if (!Array.isArray(connections) || typeof from !== 'string') return false;
      connections.push({ id: `dangling-${what}`, from, fromBranch: 'next', to: 'ghost-step' });
      return true;
    }
    case 'cycle': {
      const ids = steps.map((s) => s['id']).filter((id): id is string => typeof id === 'string');
      const from = pick(ids, where);
      const to = pick(ids, what);
      if (from === undefined || to === undefined) return false;
      if (isSpec) {
        const step = steps.find((s) => s['id'] === from);
        const next = step?.['next'];
        const branch =
          next !== null && typeof next === 'object' ? pick(Object.keys(next), what) : undefined;
        if (branch !== undefined) (next as Mutable)[branch] = to;
        return false;
      }
      const connections = (value as Mutable)['connections'];
      if (Array.isArray(connections))
        connections.push({ id: `loop-${where}-${what}`, from, fromBranch: 'next', to });
      return false;
    }
  }
}

/** A fuzz input: one template, as a document or a spec, with one to three mutations. */
export interface FuzzCase {
  template: number;
  asSpec: boolean;
  mutations: Mutation[];
}

export const fuzzCaseArb: fc.Arbitrary<FuzzCase> = fc.record({
  template: fc.nat({ max: TEMPLATES.length - 1 }),
  asSpec: fc.boolean(),
  mutations: fc.array(
    fc.tuple(fc.constantFrom(...MUTATION_KINDS), fc.nat({ max: 10_000 }), fc.nat({ max: 10_000 })),
    { minLength: 1, maxLength: 3 },
  ),
});

/** Builds the mutated input of a case and whether it must be invalid. */
export function buildCase(
  bases: { documents: Json[]; specs: Json[] },
  c: FuzzCase,
): { input: Json; mustBeInvalid: boolean } {
  const base = (c.asSpec ? bases.specs : bases.documents)[c.template];
  const input = structuredClone(base);
  // Only the last mutation counts: an earlier break may be undone by a later mutation (the
  // duplicated step dropped again, the hostile step removed).
  // Deep nesting goes last, so the other mutations (which clone and walk) stay shallow.
  const deep = (m: Mutation): boolean => m[0] === 'deep-condition' || m[0] === 'deep-value';
  const ordered = [...c.mutations.filter((m) => !deep(m)), ...c.mutations.filter(deep)];
  let mustBeInvalid = false;
  for (const m of ordered) mustBeInvalid = mutate(input, c.asSpec, m);
  return { input, mustBeInvalid };
}
