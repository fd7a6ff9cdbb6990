// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TEMPLATES, validate, type JourneyDocument } from '../../../src/domain/index.ts';
import {
  FlowBuilder,
  indexDiagnostics,
  type FlowInput,
} from '../../../src/features/editor/canvas/to-flow.ts';
import { canvasWords } from '../../../src/features/editor/canvas/canvas-words.ts';
import { ProblemsList } from '../../../src/features/editor/problems/problems-list.tsx';
import { testIntl } from '../../support/test-intl.ts';

/** The welcome series with its welcome email's id replaced everywhere. */
function welcomeWithEmailId(id: string): JourneyDocument {
  const doc = (TEMPLATES[0] as (typeof TEMPLATES)[number]).build(0, () => 'j');
  const rename = (s: string) => (s === 'welcome-email' ? id : s);
  return {
    ...doc,
    steps: doc.steps.map((s) => ({ ...s, id: rename(s.id) })),
    connections: doc.connections.map((c) => ({ ...c, from: rename(c.from), to: rename(c.to) })),
  };
}

describe.each(['__proto__', 'constructor'])('a step with the id %j in the editor', (id) => {
  const doc = welcomeWithEmailId(id);
  const diagnostics = validate(doc);

  it('carries an error badge on its own node', async () => {
    const input: FlowInput = {
      document: doc,
      selection: { stepIds: [], connectionIds: [] },
      diagnostics: indexDiagnostics(diagnostics),
      overlay: undefined,
      measured: new Map(),
      words: canvasWords(await testIntl('en')),
    };
    const nodes = new FlowBuilder().buildNodes(input);
    expect(nodes).toHaveLength(doc.steps.length);
    const node = nodes.find((n) => n.id === id);
    expect(node?.data).toMatchObject({
      label: 'Welcome email',
      problemSeverity: 'error',
      problem: expect.objectContaining({
        code: 'unsafe-id',
        params: expect.objectContaining({ reason: 'reserved' }),
      }),
    });
  });

  it('is listed under its own label in the problems list', () => {
    render(
      <ProblemsList
        diagnostics={diagnostics}
        stepLabels={Object.fromEntries(doc.steps.map((s) => [s.id, s.label]))}
        onSelect={vi.fn()}
      />,
    );
    expect(screen.getByRole('status')).not.toHaveTextContent('No problems');
    const problem = screen.getByRole('button', { name: /reserved name/ });
    expect(problem).toHaveTextContent('Welcome email');
  });
});
