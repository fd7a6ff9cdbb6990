import type { JourneyDocument } from '../journey/journey-schema.ts';
import { analyse, type Analysis } from './analysis.ts';
import { checkConnections } from './connection-rules.ts';
import type { Diagnostic } from './diagnostic.ts';
import { checkEvents } from './event-rules.ts';
import { checkFlow } from './flow-rules.ts';
import { checkSettings } from './settings-rules.ts';
import { checkMessageTemplates } from './template-rules.ts';
import type { TemplateContext } from '../templating/template-context.ts';

/** What the checks may know beyond the document. */
export interface ValidateOptions {
  /** The chosen profile set's fields and a sample of its profiles, for the template checks. */
  templateContext?: TemplateContext | undefined;
}

/** Runs every rule once; the compiler reuses the analysis. */
export function analyseAndCheck(doc: JourneyDocument, options: ValidateOptions = {}): Analysis {
  const a = analyse(doc);
  // Past the step or arrow limit, the graph rules would only spend time on a journey that
  // cannot be used anyway.
  if (a.tooLarge) return a;
  checkSettings(a);
  checkConnections(a);
  checkFlow(a);
  checkEvents(a);
  checkMessageTemplates(a, options.templateContext);
  return a;
}

/**
 * Every problem in a journey, errors first, then in document order. Errors block compiling;
 * warnings point at things that are allowed but probably unintended.
 */
export function validate(doc: JourneyDocument, options: ValidateOptions = {}): Diagnostic[] {
  const diagnostics = analyseAndCheck(doc, options).diagnostics;
  return [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity === 'warning'),
  ];
}
