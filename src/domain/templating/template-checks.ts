import type { StepIssue } from '../steps/step-definition.ts';
import type { StepKind } from '../steps/step-kinds.ts';
import { closestName } from './closest-name.ts';
import { templateEngine } from './liquid-engine.ts';
import { messageTemplates, type MessageTemplate } from './message-templates.ts';
import { formatShare, missingShares, unguardedPaths } from './missing-fields.ts';
import { parseTemplate, type ParsedTemplate } from './parse-template.ts';
import { knownTemplatePaths, type TemplateContext } from './template-context.ts';
import { TEMPLATE_ROOTS, UNSUBSCRIBE_PATH } from './template-variables.ts';

/** The codes of the template checks, so a caller can redo them with more context. */
export const TEMPLATE_CODES: ReadonlySet<string> = new Set([
  'template-syntax',
  'template-unknown-field',
  'template-missing-field',
  'email-without-unsubscribe',
  'sms-without-opt-out',
]);

/** Whether a diagnostic comes from the template checks. */
export function isTemplateDiagnostic(d: { code: string }): boolean {
  return TEMPLATE_CODES.has(d.code);
}

/** Where a template check points: a field, and a line and column inside it. */
export type TemplateIssue = StepIssue & {
  field: string;
  line?: number;
  column?: number;
  /** The known name closest to an unknown one. */
  suggestion?: string;
};

/** What the checks of one step know. */
export interface TemplateCheckInput {
  kind: StepKind;
  config: unknown;
  /** Names of the events that start the journey (its event triggers). */
  triggerEvents: readonly string[];
  context: TemplateContext | undefined;
}

/** Liquid's array properties, readable after any list. */
const LIST_PROPERTIES = new Set(['size', 'first', 'last']);

/** Whether a path is a known path, or reads into one (`profile.custom` before `[key]`). */
function isKnown(path: string, known: ReadonlySet<string>, prefixes: ReadonlySet<string>): boolean {
  if (known.has(path) || prefixes.has(path)) return true;
  const dot = path.lastIndexOf('.');
  return dot > 0 && LIST_PROPERTIES.has(path.slice(dot + 1)) && known.has(path.slice(0, dot));
}

/** Prefixes of the known paths: `profile`, `profile.custom`, `profile.consent`. */
function prefixesOf(paths: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const p of paths) {
    const parts = p.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  return prefixes;
}

/** Whether nothing says a path is wrong: custom fields and event properties with no profile set. */
function unknowable(path: string, context: TemplateContext | undefined): boolean {
  return context === undefined && (path.startsWith('profile.custom.') || path.startsWith('event.'));
}

function unknownFieldIssues(
  t: MessageTemplate,
  parsed: ParsedTemplate,
  input: TemplateCheckInput,
  known: readonly string[],
): TemplateIssue[] {
  const knownSet = new Set(known);
  const prefixes = prefixesOf(known);
  const seen = new Set<string>();
  const issues: TemplateIssue[] = [];
  for (const ref of parsed.references) {
    if (seen.has(ref.path) || isKnown(ref.path, knownSet, prefixes)) continue;
    if (unknowable(ref.path, input.context)) continue;
    seen.add(ref.path);
    const suggestion = closestName(ref.path, known);
    const root = ref.path.split('.')[0] ?? '';
    const where = (TEMPLATE_ROOTS as readonly string[]).includes(root)
      ? root === 'event' || root === 'journey'
        ? root
        : input.context === undefined
          ? 'profile'
          : 'profile_set'
      : 'other';
    const what = {
      event: 'is not a property of the event that starts this journey',
      journey: 'is not a journey value',
      profile: 'is not a profile field',
      profile_set: `is not a field of the profiles in ${input.context?.profileSetName ?? ''}`,
      other: 'is not something a message can use (profile, event or journey values)',
    }[where];
    issues.push({
      severity: 'warning',
      code: 'template-unknown-field',
      message: `\`${ref.path}\` ${what}${suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`} (line ${ref.line}, column ${ref.column})`,
      params: {
        path: ref.path,
        where,
        profileSet: input.context?.profileSetName ?? '',
        hint: suggestion === undefined ? 'no' : 'yes',
        suggestion: suggestion ?? '',
        line: ref.line,
        column: ref.column,
      },
      field: t.field,
      line: ref.line,
      column: ref.column,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }
  return issues;
}

function missingFieldIssues(
  t: MessageTemplate,
  parsed: ParsedTemplate,
  input: TemplateCheckInput,
  known: ReadonlySet<string>,
): TemplateIssue[] {
  const context = input.context;
  if (context === undefined || context.profiles.length === 0) return [];
  const paths = unguardedPaths(parsed).filter((p) => known.has(p));
  const shares = missingShares(paths, context.profiles, input.triggerEvents[0]);
  return shares.map((s) => {
    const ref = parsed.references.find((r) => r.path === s.path && r.printed && !r.hasDefault);
    return {
      severity: 'warning',
      code: 'template-missing-field',
      message: `\`${s.path}\` is empty for ${formatShare(s.share)} of profiles in ${context.profileSetName} (${s.missing} of ${s.of}) and would print nothing: add a fallback, e.g. {{ ${s.path} | default: "…" }}`,
      params: {
        path: s.path,
        // Under 1% (but some) reads as 0: the catalogue says "under 1%".
        percent: s.share > 0 && s.share < 0.01 ? 0 : Math.round(s.share * 100),
        missing: s.missing,
        of: s.of,
        profileSet: context.profileSetName,
      },
      field: t.field,
      ...(ref === undefined ? {} : { line: ref.line, column: ref.column }),
    };
  });
}

/** Opt-out wording carriers and regulators expect in a marketing text ("Reply STOP to opt out"). */
const OPT_OUT = /\b(stop|opt[ -]?out|unsubscribe)\b/i;

function contentIssues(
  kind: StepKind,
  config: unknown,
  parsed: ReadonlyMap<string, ParsedTemplate>,
): TemplateIssue[] {
  const c = config as Record<string, unknown>;
  if (kind === 'email') {
    const body = parsed.get('body');
    const usesBody = typeof c['templateName'] !== 'string' || c['templateName'].trim() === '';
    if (
      usesBody &&
      body !== undefined &&
      body.source.trim() !== '' &&
      !body.references.some((r) => r.path === UNSUBSCRIBE_PATH)
    ) {
      return [
        {
          severity: 'warning',
          code: 'email-without-unsubscribe',
          message: `The email has no unsubscribe link: add {{ ${UNSUBSCRIBE_PATH} }} to the body.`,
          params: { path: UNSUBSCRIBE_PATH },
          field: 'body',
        },
      ];
    }
  }
  if (kind === 'sms' && c['purpose'] !== 'transactional') {
    const text = parsed.get('text');
    if (text !== undefined && text.source.trim() !== '' && !OPT_OUT.test(text.source)) {
      return [
        {
          severity: 'warning',
          code: 'sms-without-opt-out',
          message: 'A marketing SMS should say how to opt out, e.g. "Reply STOP to opt out".',
          params: {},
          field: 'text',
        },
      ];
    }
  }
  return [];
}

/**
 * Every template finding of one step: syntax errors (error), unknown fields with the closest
 * known name, fields missing for some profiles without a fallback, an email without an
 * unsubscribe link and a marketing SMS without opt-out wording (warnings). Never throws; finds
 * nothing until the template engine is installed (the browser loads it on first use).
 */
export function checkTemplates(input: TemplateCheckInput): TemplateIssue[] {
  if (templateEngine() === undefined) return [];
  const known = knownTemplatePaths(input.context, input.triggerEvents);
  const knownSet = new Set(known);
  const issues: TemplateIssue[] = [];
  const parsed = new Map<string, ParsedTemplate>();
  for (const t of messageTemplates(input.kind, input.config)) {
    const outcome = parseTemplate(t.source);
    if (!outcome.ok) {
      const { line, column, message } = outcome.error;
      issues.push({
        severity: 'error',
        code: 'template-syntax',
        message: `Liquid cannot read this at line ${line}, column ${column}: ${message}`,
        params: { line, column, detail: message },
        field: t.field,
        line,
        column,
      });
      continue;
    }
    parsed.set(t.field, outcome);
    issues.push(...unknownFieldIssues(t, outcome, input, known));
    issues.push(...missingFieldIssues(t, outcome, input, knownSet));
  }
  issues.push(...contentIssues(input.kind, input.config, parsed));
  return issues;
}
