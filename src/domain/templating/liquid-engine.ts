import { Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';

/**
 * A tag that refuses to parse: templates travel alone in the spec, so there are no partials or
 * layouts to pull in, and reading files from a template would be a way out of the sandbox.
 */
class UnavailableTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    throw new Error(`the "${token.name}" tag is not available: a message template stands alone`);
  }
  *render(): Generator<never, void> {}
}

/**
 * The one Liquid engine of the domain. Strict where it matters: an unknown filter is an error
 * when the template is read; only a template's own values are visible (no prototype lookups);
 * dates render in UTC with a fixed locale so every executor prints the same text; and generous
 * limits stop a runaway loop instead of hanging a preview or a simulation.
 *
 * A missing variable renders as empty text, as in every Liquid peer; the checks warn about it
 * beforehand, and `default` supplies a fallback.
 */
export function createLiquidEngine(): Liquid {
  const engine = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    templates: {},
    timezoneOffset: 0,
    locale: 'en-GB',
    parseLimit: 100_000,
    memoryLimit: 10_000_000,
  });
  for (const name of ['include', 'render', 'layout']) engine.registerTag(name, UnavailableTag);
  return engine;
}

let shared: Liquid | undefined;

/** The engine shared by parsing and rendering in this thread. */
export function liquidEngine(): Liquid {
  shared ??= createLiquidEngine();
  return shared;
}
