import { CHANNELS } from '../channels.ts';
import type { JourneyDocument } from '../journey/journey-schema.ts';
import { journeySettingsSchema } from '../journey/settings-schema.ts';
import type { Analysis } from '../validate/analysis.ts';
import { hasErrors, type Diagnostic } from '../validate/diagnostic.ts';
import { analyseAndCheck } from '../validate/validate.ts';
import { contentHash, stableJson } from './spec-json.ts';
import { STEP_KINDS } from '../steps/step-kinds.ts';
import { templateFieldsOf } from '../templating/message-templates.ts';
import { TEMPLATE_LANGUAGE } from '../templating/template-language.ts';
import {
  SPEC_VERSION,
  type Spec,
  type SpecSettings,
  type SpecStep,
  type SpecTemplates,
} from './spec-schema.ts';

export interface CompileOptions {
  /** The published version number; when left out, the version is a hash of the spec's content. */
  version?: number;
}

export interface CompileResult {
  /** `null` when any diagnostic is an error. */
  spec: Spec | null;
  diagnostics: Diagnostic[];
}

function normaliseSettings(doc: JourneyDocument): SpecSettings {
  const s = journeySettingsSchema.parse(doc.settings);
  return {
    entry: {
      reentry: s.entry.reentry,
      cooldownDays: s.entry.reentry === 'after_cooldown' ? (s.entry.cooldownDays ?? null) : null,
      maxActivePerProfile: 1,
    },
    goal: s.goal,
    exitCriteria: s.exitCriteria,
    frequencyCap: {
      ...s.frequencyCap,
      perChannel: Object.fromEntries(
        CHANNELS.flatMap((ch) => {
          const cap = s.frequencyCap.perChannel[ch];
          return cap === undefined ? [] : [[ch, cap]];
        }),
      ),
    },
    quietHours: s.quietHours,
    defaultTimeZone: s.defaultTimeZone,
    controlGroupPercent: s.controlGroupPercent,
  };
}

/**
 * Steps by id, sorted. Built with `Object.fromEntries`, which defines own properties, so no id
 * or branch key can reach a prototype (the validator refuses such names anyway).
 */
function compileSteps(a: Analysis): Record<string, SpecStep> {
  const entries: [string, SpecStep][] = [];
  const ids = [...a.steps.keys()].sort();
  for (const id of ids) {
    const step = a.steps.get(id);
    const def = a.definitions.get(id);
    const branches = a.branches.get(id);
    const body = a.bodies.get(id);
    if (step === undefined || def === undefined || branches === undefined || body === undefined)
      continue;
    const next: [string, string | null][] = branches.map((b) => [b.key, null]);
    for (const c of a.graph.outgoing.get(id) ?? []) {
      const branch = next.find(([key]) => key === c.fromBranch);
      if (branch !== undefined) branch[1] = c.to;
    }
    entries.push([
      id,
      {
        ...body,
        id,
        kind: def.kind,
        label: step.label,
        next: Object.fromEntries(next),
      } as SpecStep,
    ]);
  }
  return Object.fromEntries(entries);
}

function specTemplates(): SpecTemplates {
  const fields: Record<string, string[]> = {};
  for (const kind of STEP_KINDS) {
    const paths = templateFieldsOf(kind);
    if (paths.length > 0) fields[kind] = [...paths];
  }
  return {
    language: TEMPLATE_LANGUAGE.language,
    engine: TEMPLATE_LANGUAGE.engine,
    engineVersion: TEMPLATE_LANGUAGE.engineVersion,
    missingVariable: 'empty',
    fields,
  };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity === 'warning'),
  ];
}

/**
 * Compiles a journey document into its spec: validated, without canvas positions, every branch
 * explicit, settings normalised. The same document always gives byte-identical `specToJson`.
 */
export function compile(doc: JourneyDocument, options: CompileOptions = {}): CompileResult {
  const a = analyseAndCheck(doc);
  const diagnostics = sortDiagnostics(a.diagnostics);
  if (hasErrors(diagnostics)) return { spec: null, diagnostics };
  const spec: Spec = {
    specVersion: SPEC_VERSION,
    journey: { id: doc.id, name: doc.name, version: '0', lifecycleStage: doc.lifecycleStage },
    settings: normaliseSettings(doc),
    entry: [...a.triggerIds].sort(),
    steps: compileSteps(a),
    templates: specTemplates(),
  };
  spec.journey.version =
    options.version !== undefined
      ? String(options.version)
      : // The spec is built in a fixed key order (schema shapes, sorted step ids), so plain
        // JSON is canonical here and far cheaper than sorting keys.
        contentHash(JSON.stringify(spec));
  return { spec, diagnostics };
}

/** The canonical JSON text of a spec (sorted keys, two-space indent, trailing newline). */
export function specToJson(spec: Spec): string {
  return stableJson(spec);
}
