import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as compileModule from '../../../src/domain/compile/compile.ts';
import { TEMPLATES, specToJson, type JourneyDocument } from '../../../src/domain/index.ts';
import { compiledRevision, createEditorStore } from '../../../src/editor/index.ts';
import { createCompileCache } from '../../../src/editor/compiled-revision.ts';
import { exportSpec } from '../../../src/features/publish/spec-export.ts';
import {
  hasUnpublishedChanges,
  specForVersion,
} from '../../../src/features/publish/unpublished-changes.ts';
import { compileForSimulation } from '../../../src/features/simulation/spec-version.ts';

vi.mock('../../../src/domain/compile/compile.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/domain/compile/compile.ts')>();
  return { ...real, compile: vi.fn(real.compile) };
});

const compile = vi.mocked(compileModule.compile);
const realCompile = (
  await vi.importActual<typeof compileModule>('../../../src/domain/compile/compile.ts')
).compile;

function template(id: string): JourneyDocument {
  const found = TEMPLATES.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no template ${id}`);
  return found.build(Date.UTC(2026, 0, 1));
}

/** What each panel reads of a revision: the workspace's problems, simulation, publish, export. */
function readEveryPanel(document: JourneyDocument): void {
  void compiledRevision(document).diagnostics;
  compileForSimulation(document);
  specForVersion(document, 3);
  hasUnpublishedChanges(document, { version: 2, specHash: 'published' });
  exportSpec(document);
}

describe('one compiled result per document revision', () => {
  beforeEach(() => {
    compile.mockClear();
  });

  it('compiles a revision once however many panels read it, and again after an edit', () => {
    const store = createEditorStore(template('welcome-series'));
    const first = store.getState().document;
    readEveryPanel(first);
    readEveryPanel(first);
    expect(compile).toHaveBeenCalledTimes(1);

    store.dispatch('updateJourneyMeta', { name: 'Welcome, edited' });
    const second = store.getState().document;
    expect(second).not.toBe(first);
    readEveryPanel(second);
    expect(compile).toHaveBeenCalledTimes(2);
    expect(compile.mock.calls.map(([document]) => document)).toEqual([first, second]);
  });

  it('names a revision by one hash: the spec content version the compiler gives it', () => {
    const document = template('win-back');
    const simulated = compileForSimulation(document);
    if (!simulated.ok) throw new Error('the template should compile');
    expect(simulated.specHash).toBe(realCompile(document).spec?.journey.version);
  });

  it('publishes exactly the spec a compile with the version number gives', () => {
    for (const { id } of TEMPLATES) {
      const document = template(id);
      const draft = specForVersion(document, 4);
      const direct = realCompile(document, { version: 4 }).spec;
      expect(draft === null ? null : specToJson(draft.spec)).toBe(
        direct === null ? null : specToJson(direct),
      );
    }
  });
});

describe('a revision compiled before the template engine loaded', () => {
  it('is compiled again once templates can be checked, then not again', () => {
    const compileDocument = vi.fn(realCompile);
    let engineLoaded = false;
    const compiled = createCompileCache(
      (document) => compileDocument(document),
      () => engineLoaded,
    );
    const document = template('welcome-series');
    compiled(document);
    compiled(document);
    expect(compileDocument).toHaveBeenCalledTimes(1);
    engineLoaded = true;
    compiled(document);
    compiled(document);
    expect(compileDocument).toHaveBeenCalledTimes(2);
  });
});
