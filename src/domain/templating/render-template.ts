import { templateEngine } from './liquid-engine.ts';
import {
  ENGINE_NOT_LOADED,
  parseTemplate,
  toTemplateError,
  type ParsedTemplate,
  type TemplateError,
} from './parse-template.ts';
import type { TemplateScope } from './template-variables.ts';

export type RenderOutcome = { ok: true; text: string } | { ok: false; error: TemplateError };

/** Renders a parsed template against a scope. Never throws: a render error comes back as data. */
export function renderParsed(parsed: ParsedTemplate, scope: TemplateScope): RenderOutcome {
  const engine = templateEngine();
  if (engine === undefined) return { ok: false, error: ENGINE_NOT_LOADED };
  try {
    const text: unknown = engine.liquid.renderSync(parsed.templates, scope);
    return { ok: true, text: String(text) };
  } catch (error) {
    return { ok: false, error: toTemplateError(engine, error) };
  }
}

/** Parses and renders in one go (a preview, a conformance case). */
export function renderTemplate(source: string, scope: TemplateScope): RenderOutcome {
  const parsed = parseTemplate(source);
  return parsed.ok ? renderParsed(parsed, scope) : { ok: false, error: parsed.error };
}
