import { TEMPLATES, type JourneyDocument } from '../../src/domain/index.ts';

/**
 * The welcome series named "Hostile ids" with some step ids replaced (`ids`: template id →
 * hostile id), plus a wait that watches the email, so a reference to a renamed step is there too.
 */
export function hostileWelcomeSeries(
  ids: (steps: JourneyDocument['steps']) => ReadonlyMap<string, string>,
): JourneyDocument {
  const found = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (found === undefined) throw new Error('no welcome-series template');
  const doc = found.build(0);
  const renamed = ids(doc.steps);
  const rename = (id: string) => renamed.get(id) ?? id;
  return {
    ...doc,
    id: 'hostile',
    name: 'Hostile ids',
    steps: [
      ...doc.steps.map((s) => ({ ...s, id: rename(s.id) })),
      {
        id: 'watch',
        kind: 'wait_for_event',
        label: 'Opened it?',
        position: { x: 600, y: 600 },
        config: {
          target: { type: 'engagement', stepId: rename('welcome-email'), engagement: 'opened' },
          timeout: { amount: 3, unit: 'days' },
        },
      },
    ],
    connections: doc.connections.map((c) => ({ ...c, from: rename(c.from), to: rename(c.to) })),
  };
}
