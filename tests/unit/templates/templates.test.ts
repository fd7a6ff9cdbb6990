import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, TEMPLATES, restore, validate } from '../../../src/domain/index.ts';
import { FIXED_NOW } from '../journey/doc-fixture.ts';

describe('templates', () => {
  it('has seven templates with unique ids', () => {
    expect(TEMPLATES).toHaveLength(7);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(7);
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    const doc = template.build(FIXED_NOW);

    it('builds a valid document with no errors or warnings', () => {
      expect(restore(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, document: doc });
      expect(validate(doc)).toEqual([]);
    });

    it('carries its metadata and timestamps', () => {
      expect(doc.name).toBe(template.name);
      expect(doc.lifecycleStage).toBe(template.lifecycleStage);
      expect(LIFECYCLE_STAGES).toContain(template.lifecycleStage);
      expect(doc.createdAt).toBe(new Date(FIXED_NOW).toISOString());
    });

    it('lays steps out left to right without overlaps', () => {
      const spots = doc.steps.map((s) => `${s.position.x},${s.position.y}`);
      expect(new Set(spots).size).toBe(spots.length);
      const x = new Map(doc.steps.map((s) => [s.id, s.position.x]));
      for (const c of doc.connections) expect(x.get(c.to)!).toBeGreaterThan(x.get(c.from)!);
    });

    it('has real copy in every message', () => {
      for (const step of doc.steps) {
        const text = Object.values(step.config)
          .filter((v) => typeof v === 'string')
          .join(' ');
        if (['email', 'sms', 'push'].includes(step.kind)) expect(text.length).toBeGreaterThan(40);
      }
    });

    it('builds fresh ids each time', () => {
      expect(template.build(FIXED_NOW).id).not.toBe(doc.id);
    });
  });
});
