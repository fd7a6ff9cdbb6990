import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compile,
  specJsonSchema,
  specToJson,
  validate,
  validateSpec,
} from '../../../src/domain/index';
import { parseInline, parseMarkdown } from '../../../src/features/publish/markdown-blocks';
import { exportSpec, exportSpecSchema, fileStem } from '../../../src/features/publish/spec-export';
import { welcomeJourney } from './journeys';

describe('exportSpec', () => {
  it('gives the compiled spec as byte-stable, valid JSON named after the journey', () => {
    const doc = { ...welcomeJourney(), name: 'Welcome séries: Q3 / EU' };
    const first = exportSpec(doc);
    const second = exportSpec(structuredClone(doc));
    expect(first).toEqual(second);
    if (!first.ok) throw new Error(`not exported: ${first.errors} errors`);
    expect(first.fileName).toBe('welcome-series-q3-eu.spec.json');
    expect(first.text).toBe(specToJson(compile(doc).spec ?? ({} as never)));
    expect(validateSpec(JSON.parse(first.text))).toEqual([]);
    expect(first.text.endsWith('}\n')).toBe(true);
  });

  it('refuses a journey with errors, saying how many', () => {
    const doc = welcomeJourney();
    const broken = { ...doc, steps: doc.steps.filter((s) => s.kind !== 'event') };
    const errors = validate(broken).filter((d) => d.severity === 'error').length;
    expect(errors).toBeGreaterThan(1);
    expect(exportSpec(broken)).toEqual({ ok: false, errors });
  });

  it('exports the JSON Schema and names files sensibly', () => {
    const schema = exportSpecSchema();
    expect(JSON.parse(schema.text)).toEqual(specJsonSchema());
    expect(schema.fileName).toBe('journey-spec.schema.json');
    expect(fileStem('!!!')).toBe('journey');
  });
});

describe('the tiny markdown parser', () => {
  it('reads headings, paragraphs, lists, code and tables as text', () => {
    const blocks = parseMarkdown(
      [
        '# Title',
        'Some `code` and **bold**',
        'on two lines.',
        '',
        '- one',
        '- two',
        '  continued',
        '1. first',
        '',
        '```',
        '<script>alert(1)</script>',
        '```',
        '| a | b |',
        '| - | - |',
        '| 1 | 2 |',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'Title' },
      { type: 'paragraph', text: 'Some `code` and **bold** on two lines.' },
      { type: 'list', ordered: false, items: ['one', 'two continued', 'first'] },
      { type: 'code', text: '<script>alert(1)</script>' },
      { type: 'table', header: ['a', 'b'], rows: [['1', '2']] },
    ]);
    expect(parseInline('See [`a.json`](./a.json).')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'code', text: 'a.json' },
      { type: 'text', text: '.' },
    ]);
    expect(parseInline('Some `code` and **bold**.')).toEqual([
      { type: 'text', text: 'Some ' },
      { type: 'code', text: 'code' },
      { type: 'text', text: ' and ' },
      { type: 'strong', text: 'bold' },
      { type: 'text', text: '.' },
    ]);
  });

  it('reads the whole spec document, including the publishing section', () => {
    const source = readFileSync(new URL('../../../docs/spec.md', import.meta.url), 'utf8');
    const headings = parseMarkdown(source).filter((b) => b.type === 'heading');
    expect(headings.map((h) => h.text)).toContain('3.5 Publishing a new version');
    expect(headings.length).toBeGreaterThan(15);
  });
});
