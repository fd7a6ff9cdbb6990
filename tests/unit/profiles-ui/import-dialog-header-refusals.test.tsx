// @vitest-environment jsdom
import '../../setup/dom-setup';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importCsv } from '../../../src/domain/profiles/import/csv.ts';
import { renderImportDialog } from './render-import-dialog.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

const DUPLICATE = 'customer_id,email,email,country\nc1,a@x.com,b@x.com,FR\n';

describe('import dialog: a header that repeats', () => {
  it('names the repeated header and its columns, offers no import, and logs nothing', async () => {
    const errors = vi.spyOn(console, 'error');
    const user = userEvent.setup();
    const services = await renderImportDialog();
    await user.upload(screen.getByLabelText('File'), new File([DUPLICATE], 'customers.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /"email" appears in columns 2 and 3/,
    );
    expect(screen.queryByRole('button', { name: 'Import' })).not.toBeInTheDocument();
    expect(errors).not.toHaveBeenCalled();
    expect(await services.repo.listProfileSets()).toEqual([]);
  });

  it('is refused by the import too, so preview and import agree', () => {
    const result = importCsv(DUPLICATE, { id: 'customer_id', email: 'email' });
    expect(result.profiles).toEqual([]);
    expect(result.report.rejected.map((r) => [r.reason, r.column])).toEqual([
      ['duplicate_header', 'email'],
    ]);
  });
});

describe('import dialog: an empty file', () => {
  it.each([
    ['0 bytes', ''],
    ['only blank lines', '  \n\n \t\n'],
  ])('says the file is empty (%s) and offers no import', async (_, text) => {
    const user = userEvent.setup();
    await renderImportDialog();
    await user.upload(screen.getByLabelText('File'), new File([text], 'customers.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/The file is empty/);
    expect(screen.queryByRole('button', { name: 'Import' })).not.toBeInTheDocument();
  });
});
