import { compile } from '../../src/domain/compile/compile.ts';
import type { Spec } from '../../src/domain/compile/spec-schema.ts';
import { TEMPLATES } from '../../src/domain/templates/templates.ts';

/** The compiled spec of a built-in template, built at `builtAt`, every step id `journeyId`-based. */
export function specOfTemplate(id: string, builtAt: number, journeyId = `j-${id}`): Spec {
  const template = TEMPLATES.find((t) => t.id === id);
  if (template === undefined) throw new Error(`no template ${id}`);
  const { spec } = compile(template.build(builtAt, () => journeyId));
  if (spec === null) throw new Error(`template ${id} does not compile`);
  return spec;
}
