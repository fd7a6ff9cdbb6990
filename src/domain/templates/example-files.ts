import { compile, specToJson } from '../compile/compile.ts';
import { TEMPLATES } from './templates.ts';

/** The date every example is built at, so the files never change unless a template does. */
export const EXAMPLES_DATE = Date.UTC(2026, 0, 1);

/** One file of the examples folder: a path inside it and its text. */
export interface ExampleFile {
  path: string;
  content: string;
}

/**
 * The shipped templates as journey documents (`<id>.journey.json`, as the app exports them)
 * and their compiled specs (`<id>.spec.json`, byte for byte what `wayfinder compile` writes).
 * Each journey's id is its template's id, built at {@link EXAMPLES_DATE}.
 */
export function exampleFiles(): ExampleFile[] {
  return TEMPLATES.flatMap((template) => {
    const document = template.build(EXAMPLES_DATE, () => template.id);
    const { spec, diagnostics } = compile(document);
    if (spec === null) {
      const codes = diagnostics.map((d) => d.code).join(', ');
      throw new Error(`The template "${template.id}" does not compile: ${codes}`);
    }
    return [
      { path: `${template.id}.journey.json`, content: `${JSON.stringify(document, null, 2)}\n` },
      { path: `${template.id}.spec.json`, content: specToJson(spec) },
    ];
  });
}
