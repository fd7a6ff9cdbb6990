import type { Context } from 'liquidjs';
import { templateEngine } from './liquid-engine.ts';
import {
  ENGINE_NOT_LOADED,
  parseTemplate,
  toTemplateError,
  type ParsedTemplate,
  type TemplateError,
} from './parse-template.ts';
import {
  MemoryBudget,
  RenderDeadline,
  TEMPLATE_LIMITS,
  TemplateLimitError,
} from './template-limits.ts';
import type { TemplateScope } from './template-variables.ts';

export type RenderOutcome = { ok: true; text: string } | { ok: false; error: TemplateError };

/** Renders a parsed template against a scope. Never throws: a render error comes back as data. */
export function renderParsed(parsed: ParsedTemplate, scope: TemplateScope): RenderOutcome {
  const engine = templateEngine();
  if (engine === undefined) return { ok: false, error: ENGINE_NOT_LOADED };
  // A context of our own carries our limiters, so a runaway template stops with a coded error.
  // liquidjs types its limiters as its own `Limiter` class (private fields included), though it
  // only calls `use`/`check` on them: ours are cast to that type, their shape is tested in
  // tests/unit/templating/limits.test.ts.
  const context = new engine.lib.Context(
    scope,
    engine.liquid.options,
    { sync: true },
    {
      liquid: engine.liquid,
      memoryLimit: new MemoryBudget() as unknown as Context['memoryLimit'],
      renderLimit: new RenderDeadline(engine.now) as unknown as Context['renderLimit'],
    },
  );
  try {
    const text = String(engine.liquid.renderSync(parsed.templates, context));
    if (text.length > TEMPLATE_LIMITS.outputChars)
      throw new TemplateLimitError('template-too-large');
    return { ok: true, text };
  } catch (error) {
    return { ok: false, error: toTemplateError(engine, error) };
  }
}

/** Parses and renders in one go (a preview, a conformance case). */
export function renderTemplate(source: string, scope: TemplateScope): RenderOutcome {
  const parsed = parseTemplate(source);
  return parsed.ok ? renderParsed(parsed, scope) : { ok: false, error: parsed.error };
}
