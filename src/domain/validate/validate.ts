import type { JourneyDocument } from '../journey/journey-schema.ts';
import { analyse, type Analysis } from './analysis.ts';
import { checkConnections } from './connection-rules.ts';
import type { Diagnostic } from './diagnostic.ts';
import { checkEvents } from './event-rules.ts';
import { checkFlow } from './flow-rules.ts';
import { checkSettings } from './settings-rules.ts';

/** Runs every rule once; the compiler reuses the analysis. */
export function analyseAndCheck(doc: JourneyDocument): Analysis {
  const a = analyse(doc);
  // Past the step or arrow limit, the graph rules would only spend time on a journey that
  // cannot be used anyway.
  if (a.tooLarge) return a;
  checkSettings(a);
  checkConnections(a);
  checkFlow(a);
  checkEvents(a);
  return a;
}

/**
 * Every problem in a journey, errors first, then in document order. Errors block compiling;
 * warnings point at things that are allowed but probably unintended.
 */
export function validate(doc: JourneyDocument): Diagnostic[] {
  const diagnostics = analyseAndCheck(doc).diagnostics;
  return [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity === 'warning'),
  ];
}
