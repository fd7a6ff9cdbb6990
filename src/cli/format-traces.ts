import { formatTime, type ProfileTrace } from '../domain/index.ts';

/** Traced profiles as text: every run, every step with its reason. */
export function formatTraces(traces: readonly ProfileTrace[]): string {
  const lines: string[] = [];
  for (const trace of traces) {
    lines.push('', `trace ${trace.profileId}${trace.control ? ' (control group)' : ''}`);
    if (trace.runs.length === 0) lines.push('  never entered');
    trace.runs.forEach((run, i) => {
      const ended = run.endedAt === null ? 'still active at the horizon' : formatTime(run.endedAt);
      lines.push(`  run ${i + 1}: entered ${formatTime(run.entryAt)}, ${run.end} (${ended})`);
      for (const step of run.steps)
        lines.push(`    ${formatTime(step.at)}  ${step.label}: ${step.reason}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
