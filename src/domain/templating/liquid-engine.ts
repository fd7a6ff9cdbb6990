import type * as LiquidModule from 'liquidjs';
import type { Liquid, TagToken, TopLevelToken } from 'liquidjs';
import { TEMPLATE_LIMITS } from './template-limits.ts';

/** The liquidjs module, handed in once per thread (see {@link installTemplateEngine}). */
export type LiquidLibrary = typeof LiquidModule;

/** The engine and the library classes the parser needs at run time. */
export interface TemplateEngine {
  lib: LiquidLibrary;
  liquid: Liquid;
  /**
   * A monotonic clock in milliseconds (`performance.now` in every shell), handed in so the domain
   * reads no time itself; it bounds how long one render may take (template-limits.ts).
   */
  now: () => number;
}

/**
 * The one Liquid engine of the domain. Strict where it matters: an unknown filter is an error
 * when the template is read; only a template's own values are visible (no prototype lookups);
 * dates render in UTC with a fixed locale so every executor prints the same text; limits stop a
 * runaway template with a coded error (template-limits.ts); and `include`,
 * `render` and `layout` refuse to parse, since a message template stands alone (and reading
 * files from a template would be a way out of the sandbox).
 *
 * A missing variable renders as empty text, as in every Liquid peer; the checks warn about it
 * beforehand, and `default` supplies a fallback.
 */
export function createLiquidEngine(lib: LiquidLibrary): Liquid {
  const liquid = new lib.Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    templates: {},
    timezoneOffset: 0,
    locale: 'en-GB',
    parseLimit: TEMPLATE_LIMITS.sourceChars,
    memoryLimit: TEMPLATE_LIMITS.memoryUnits,
  });
  class UnavailableTag extends lib.Tag {
    constructor(token: TagToken, remain: TopLevelToken[], engine: Liquid) {
      super(token, remain, engine);
      throw new Error(`the "${token.name}" tag is not available: a message template stands alone`);
    }
    *render(): Generator<never, void> {}
  }
  for (const name of ['include', 'render', 'layout']) liquid.registerTag(name, UnavailableTag);
  return liquid;
}

let installed: TemplateEngine | undefined;

/**
 * Hands the domain the liquidjs library. Node entries (the CLI, tests) and workers install it
 * at start; the browser's main thread loads it on first use ({@link loadTemplateEngine}) so the
 * first screens do not download it.
 */
export function installTemplateEngine(lib: LiquidLibrary, now: () => number): void {
  installed ??= { lib, liquid: createLiquidEngine(lib), now };
}

/**
 * Loads and installs liquidjs if it is not yet; resolves when templates can be read. `now` as
 * for {@link installTemplateEngine}.
 */
export async function loadTemplateEngine(now: () => number): Promise<void> {
  if (installed === undefined) installTemplateEngine(await import('liquidjs'), now);
}

/**
 * The engine, or undefined before it is installed: template checks then report nothing and
 * renders fail with a clear error rather than guess.
 */
export function templateEngine(): TemplateEngine | undefined {
  return installed;
}
