/**
 * How much one template may cost, and the coded errors past it. A message template is a few
 * kilobytes rendered in well under a millisecond; these bounds are hundreds of times that, so only
 * a runaway template (nested loops, a text doubled in a loop) reaches them, and it stops there
 * instead of holding a preview, a simulation or an executor batch for seconds per customer.
 */
export const TEMPLATE_LIMITS = {
  /** Characters of template source Liquid reads. */
  sourceChars: 100_000,
  /** Milliseconds one field of one message may take to render. */
  renderMs: 250,
  /** Units liquidjs counts while rendering (characters its filters build, range items). */
  memoryUnits: 10_000_000,
  /** Characters one rendered field may have (plain text written by loops is not counted above). */
  outputChars: 1_000_000,
} as const;

export type TemplateLimitCode = 'template-too-slow' | 'template-too-large';

const LIMIT_MESSAGES: Record<TemplateLimitCode, string> = {
  'template-too-slow': `the template is too slow: it took longer than ${TEMPLATE_LIMITS.renderMs} ms to render (loops inside loops?)`,
  'template-too-large':
    'the template is too large: it reads or builds more text than a message can hold',
};

/** Thrown while a template is read or rendered past a limit; recognised by its class and code. */
export class TemplateLimitError extends Error {
  constructor(readonly code: TemplateLimitCode) {
    super(LIMIT_MESSAGES[code]);
    this.name = 'TemplateLimitError';
  }
}

/** The message of a limit's error, for a template stopped before Liquid ran it. */
export function templateLimitMessage(code: TemplateLimitCode): string {
  return LIMIT_MESSAGES[code];
}

/** Stands in for liquidjs's memory limiter, throwing our coded error when it runs out. */
export class MemoryBudget {
  private used = 0;

  use(count: number): void {
    if (!(count > 0)) return;
    this.used += count;
    if (this.used > TEMPLATE_LIMITS.memoryUnits) throw new TemplateLimitError('template-too-large');
  }

  check(count: number): void {
    if (count > TEMPLATE_LIMITS.memoryUnits) throw new TemplateLimitError('template-too-large');
  }
}

/**
 * Stands in for liquidjs's render-time limiter. Liquid checks it before every tag and output it
 * renders (every turn of a loop), so a runaway loop stops within a turn of the deadline.
 */
export class RenderDeadline {
  private readonly deadline: number;

  constructor(private readonly now: () => number) {
    this.deadline = now() + TEMPLATE_LIMITS.renderMs;
  }

  use(): void {}

  check(): void {
    if (this.now() > this.deadline) throw new TemplateLimitError('template-too-slow');
  }
}
