import type { LiquidError, Output, Template, Variable } from 'liquidjs';
import { templateEngine, type TemplateEngine } from './liquid-engine.ts';
import {
  TEMPLATE_LIMITS,
  TemplateLimitError,
  templateLimitMessage,
  type TemplateLimitCode,
} from './template-limits.ts';

/** Where in a template something is: 1-based line and column. */
export interface TemplatePosition {
  line: number;
  column: number;
}

/** Why a template cannot be read or rendered, and where. */
export interface TemplateError extends TemplatePosition {
  /** English, for the CLI and the validator; screens word {@link code} when there is one. */
  message: string;
  /**
   * Set when the template is not at fault: the engine is not installed yet (screens say it
   * loads), or the template passed a limit (too slow, too large) rather than being wrong.
   */
  code?: 'engine_loading' | TemplateLimitCode;
}

/** One use of a variable in a template. */
export interface TemplateReference extends TemplatePosition {
  /** Dotted path up to the first computed part: `profile.custom[event.k]` reads `profile.custom`. */
  path: string;
  /** Printed by `{{ }}` (as opposed to only tested by a tag such as `if`). */
  printed: boolean;
  /**
   * Printed through a `default` filter, or inside a tag that tests the same path, so a missing
   * value has a fallback.
   */
  hasDefault: boolean;
}

/** A template Liquid could read. */
export interface ParsedTemplate {
  ok: true;
  source: string;
  templates: Template[];
  /** Variables read from outside the template (not `assign`ed or loop variables), in order. */
  references: TemplateReference[];
}

export type ParseOutcome = ParsedTemplate | { ok: false; source: string; error: TemplateError };

/** The message Liquid gives without the ", line:1, col:2" it appends (we report those apart). */
function describe(error: LiquidError): string {
  const original = error.originalError?.message;
  if (original !== undefined && original !== '') return original;
  const at = error.message.lastIndexOf(', line:');
  return at === -1 ? error.message : error.message.slice(0, at);
}

/** What a parse or render reports before the engine is installed. */
export const ENGINE_NOT_LOADED: TemplateError = {
  line: 1,
  column: 1,
  message: 'the template engine is still loading',
  code: 'engine_loading',
};

/** A Liquid error (or anything thrown) as a position and a marketer-readable message. */
export function toTemplateError(engine: TemplateEngine, error: unknown): TemplateError {
  // A limit is thrown bare (Liquid's check before a tag) or wrapped in the render error of the
  // tag it stopped (a loop): either way it is known by its class, never by its text.
  const wrapped = engine.lib.LiquidError.is(error) ? error.originalError : undefined;
  const limit =
    error instanceof TemplateLimitError
      ? error
      : wrapped instanceof TemplateLimitError
        ? wrapped
        : undefined;
  if (limit !== undefined) {
    const [line = 1, column = 1] = engine.lib.LiquidError.is(error)
      ? error.token.getPosition()
      : [];
    return { line, column, message: limit.message, code: limit.code };
  }
  if (engine.lib.LiquidError.is(error)) {
    const [line = 1, column = 1] = error.token.getPosition();
    return { line, column, message: describe(error) };
  }
  return {
    line: 1,
    column: 1,
    message: error instanceof Error ? error.message : 'the template could not be read',
  };
}

type Segments = ReturnType<Variable['toArray']>;

function staticPath(segments: Segments): string {
  const names: string[] = [];
  for (const s of segments) {
    if (typeof s !== 'string') break;
    names.push(s);
  }
  return names.join('.');
}

function key(v: Variable): string {
  return `${v.location.row}:${v.location.col}`;
}

/**
 * Every `{{ }}` with the paths its enclosing tags test: `{% if profile.name %}Hi
 * {{ profile.name }}{% endif %}` prints the name only when it is there.
 */
function* outputs(
  engine: TemplateEngine,
  templates: readonly Template[],
  tested: ReadonlySet<string>,
): Generator<{ output: Output; tested: ReadonlySet<string> }> {
  for (const t of templates) {
    if (t instanceof engine.lib.Output) {
      yield { output: t, tested };
      continue;
    }
    if (t.children === undefined) continue;
    const children = engine.lib.toValueSync(t.children(false, true));
    const inside = new Set(globalsOf(engine, children).map(key));
    const own = globalsOf(engine, [t]).filter((v) => !inside.has(key(v)));
    const next = new Set(tested);
    for (const v of own) next.add(staticPath(v.toArray()));
    yield* outputs(engine, children, next);
  }
}

function globalsOf(engine: TemplateEngine, templates: Template[]): Variable[] {
  const analysis = engine.liquid.analyzeSync(templates, { partials: false });
  return Object.values(analysis.globals).flat();
}

/**
 * Filters Liquid reads with any number of values but refuses to render without exactly one
 * (`{{ name | append }}` parses, then every send fails): caught where it is written instead.
 */
const ONE_VALUE_FILTERS: ReadonlySet<string> = new Set(['append', 'prepend']);

function misusedFilter(output: Output): TemplateError | undefined {
  for (const filter of output.value.filters) {
    if (!ONE_VALUE_FILTERS.has(filter.name) || filter.args.length === 1) continue;
    // Liquid keeps the filter's own place private: the `{{` it is in is pointed at.
    const [line = 1, column = 1] = output.token.getPosition();
    return {
      line,
      column,
      message: `${filter.name} takes one value, as in {{ profile.name | ${filter.name}: "…" }}`,
    };
  }
  return undefined;
}

/** Reads a template. Never throws: a syntax error comes back with its line and column. */
export function parseTemplate(source: string): ParseOutcome {
  const engine = templateEngine();
  if (engine === undefined) return { ok: false, source, error: ENGINE_NOT_LOADED };
  if (source.length > TEMPLATE_LIMITS.sourceChars) {
    const code = 'template-too-large';
    return {
      ok: false,
      source,
      error: { line: 1, column: 1, message: templateLimitMessage(code), code },
    };
  }
  let templates: Template[];
  let globals: Variable[];
  try {
    templates = engine.liquid.parse(source);
    globals = globalsOf(engine, templates);
  } catch (error) {
    return { ok: false, source, error: toTemplateError(engine, error) };
  }
  const printed = new Map<string, boolean>();
  for (const { output, tested } of outputs(engine, templates, new Set())) {
    const misused = misusedFilter(output);
    if (misused !== undefined) return { ok: false, source, error: misused };
    const hasDefault = output.value.filters.some((f) => f.name === 'default');
    for (const v of globalsOf(engine, [output])) {
      printed.set(key(v), hasDefault || tested.has(staticPath(v.toArray())));
    }
  }
  const references = globals
    .map((v): TemplateReference => {
      const hasDefault = printed.get(key(v));
      return {
        path: staticPath(v.toArray()),
        line: v.location.row,
        column: v.location.col,
        printed: hasDefault !== undefined,
        hasDefault: hasDefault === true,
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: true, source, templates, references };
}
