import { describe, expect, it, vi } from 'vitest';
import { parseProfileFile } from '../../../src/workers/profiles/import-job';

vi.mock('../../../src/domain/profiles/import/csv', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/domain/profiles/import/csv')>()),
  createCsvImporter: () => ({
    push: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'length')");
    },
    finish: () => ({ profiles: [], report: { imported: 0, rows: 0, rejected: [], merged: [] } }),
  }),
}));

describe('a TypeError thrown by the CSV importer itself', () => {
  it('fails the import as the bug it is, not as a file that is not UTF-8', async () => {
    const file = new Blob(['id,name\nc1,Zoë\n']);
    const parsed = parseProfileFile(
      { file, kind: 'csv', mapping: { id: 'id', name: 'name', tags: [], custom: [] } },
      () => undefined,
    );
    await expect(parsed).rejects.toBeInstanceOf(TypeError);
  });
});
