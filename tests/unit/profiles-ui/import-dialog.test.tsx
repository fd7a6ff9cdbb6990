// @vitest-environment jsdom
import '../../setup/dom-setup';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderImportDialog } from './render-import-dialog.tsx';
import { testServices } from './services.tsx';

const CSV = [
  'customer_id,email,full_name,signup_date,loyalty_points',
  'u1,ann@example.com,Ann,2024-01-05,120',
  'u2,not-an-email,Bob,2024-01-06,3',
  'u3,cy@example.com,Cy,2024-01-07,lots',
  'u4,ANN@example.com,Ann B,2024-01-08,14',
].join('\n');

describe('import dialog', () => {
  it('pre-fills the column mapping from the CSV header and lets the user change it', async () => {
    const user = userEvent.setup();
    await renderImportDialog();
    await user.upload(
      screen.getByLabelText('File'),
      new File([CSV], 'customers.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByText(/CSV file: match its columns/)).toBeInTheDocument();
    expect(screen.getByLabelText('Customer id')).toHaveValue('customer_id');
    expect(screen.getByLabelText('Email')).toHaveValue('email');
    expect(screen.getByLabelText('Name')).toHaveValue('full_name');
    expect(screen.getByLabelText('Signup date')).toHaveValue('signup_date');
    expect(screen.getByRole('checkbox', { name: 'Import loyalty_points' })).toBeChecked();
    expect(screen.getByLabelText('Set name')).toHaveValue('customers');

    await user.selectOptions(screen.getByLabelText('Name'), '');
    expect(screen.getByRole('checkbox', { name: 'Import full_name' })).not.toBeChecked();
    await user.selectOptions(screen.getByLabelText('Name'), 'full_name');
    expect(screen.queryByRole('checkbox', { name: 'Import full_name' })).not.toBeInTheDocument();
  });

  it('imports, then reports imported rows, merged duplicates and each rejected row with its reason', async () => {
    const user = userEvent.setup();
    const services = await renderImportDialog();
    await user.upload(
      screen.getByLabelText('File'),
      new File([CSV], 'customers.csv', { type: 'text/csv' }),
    );
    await user.selectOptions(await screen.findByLabelText('Type of loyalty_points'), 'number');
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('heading', { name: 'Import finished' })).toBeInTheDocument();
    const summary = screen.getByRole('list', { name: 'Import summary' });
    expect(summary).toHaveTextContent('1 profile imported from 4 rows');
    expect(summary).toHaveTextContent('1 duplicate merged into 1 profile');
    expect(summary).toHaveTextContent('2 rows rejected');
    const rows = within(screen.getByRole('table', { name: 'Rejected rows' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'RowReasonColumnDetails',
      '3Invalid emailemail"not-an-email" is not an email address.',
      '4Invalid numberloyalty_points"lots" in column "loyalty_points" is not a number.',
    ]);
    expect(
      within(screen.getByRole('table', { name: 'Merged duplicates' })).getByRole('row', {
        name: /u1/,
      }),
    ).toHaveTextContent('u4');

    const [set] = await services.repo.listProfileSets();
    expect(set).toMatchObject({ name: 'customers', source: 'csv', count: 1 });
    const [profile] = await services.repo.readProfileSet(set?.id ?? '');
    // Typed as a number, from whichever of the merged rows the merge keeps.
    expect([120, 14]).toContain(profile?.attributes.custom.loyaltyPoints);
  });

  it('will not import two columns under one name, or under a name that would lose them', async () => {
    const user = userEvent.setup();
    await renderImportDialog();
    await user.upload(
      screen.getByLabelText('File'),
      new File(['id,points,bonus,constructor\nu1,5,7,x\n'], 'points.csv', { type: 'text/csv' }),
    );
    const importButton = await screen.findByRole('button', { name: 'Import' });
    expect(screen.getByLabelText('Name for constructor')).not.toHaveValue('constructor');
    expect(importButton).toBeEnabled();
    // Once ticked, a column gets a name no other column has.
    await user.click(screen.getByRole('checkbox', { name: 'Import bonus' }));
    await user.click(screen.getByRole('checkbox', { name: 'Import bonus' }));
    expect(screen.getByLabelText('Name for bonus')).toHaveValue('bonus');

    const bonusName = screen.getByLabelText('Name for bonus');
    await user.clear(bonusName);
    await user.type(bonusName, 'points');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Columns points and bonus are both imported as “points”: give each its own name, or one would overwrite the other.',
    );
    expect(importButton).toBeDisabled();

    await user.clear(bonusName);
    await user.type(bonusName, '__proto__');
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“__proto__” cannot be a name: the values of bonus would be lost. Choose another name.',
    );
    expect(importButton).toBeDisabled();

    await user.clear(bonusName);
    await user.type(bonusName, 'bonusPoints');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(importButton).toBeEnabled();
  });

  it('reads a European file’s decimal commas as numbers, and lets the user say otherwise', async () => {
    const user = userEvent.setup();
    const services = await renderImportDialog();
    await user.upload(
      screen.getByLabelText('File'),
      new File(['id;spend\nu1;1,5\nu2;12,25\n'], 'eu.csv', { type: 'text/csv' }),
    );
    const separator = await screen.findByRole('combobox', { name: 'Decimal separator' });
    expect(separator).toHaveDisplayValue('comma (1,5, 1.234,5)');
    expect(screen.getByLabelText('Type of spend')).toHaveValue('number');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('heading', { name: 'Import finished' })).toBeInTheDocument();
    const [set] = await services.repo.listProfileSets();
    const profiles = await services.repo.readProfileSet(set?.id ?? '');
    expect(profiles.map((p) => p.attributes.custom['spend'])).toEqual([1.5, 12.25]);
  });

  it('recognises a CDNOW file and imports it with no mapping step', async () => {
    const user = userEvent.setup();
    const services = await renderImportDialog();
    const text =
      ' 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n 00002 19970112  5   77.00\n 00003 19970102  2   20.76\n';
    await user.upload(
      screen.getByLabelText('File'),
      new File([text], 'CDNOW_sample.txt', { type: 'text/plain' }),
    );
    expect(await screen.findByText(/CDNOW purchase history/)).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Profile fields' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('list', { name: 'Import summary' })).toHaveTextContent(
      '3 profiles imported from 4 rows',
    );
    const [set] = await services.repo.listProfileSets();
    expect(set).toMatchObject({ source: 'cdnow', count: 3 });
  });

  it('leaves an existing set as it was when the import fails', async () => {
    const user = userEvent.setup();
    const services = testServices();
    const set = await services.repo.createProfileSet({ name: 'Keep me', source: 'manual' });
    await services.repo.importIntoSet(
      set.id,
      [{ id: 'a', attributes: { consent: {}, tags: [], custom: {} }, events: [] }],
      { mode: 'replace' },
    );
    const failing = {
      ...services,
      jobs: {
        ...services.jobs,
        importFile: () => ({
          result: Promise.reject(new DOMException('disk full', 'QuotaExceededError')),
          cancel: () => undefined,
        }),
      },
    };
    await renderImportDialog(failing, [set]);
    await user.upload(
      screen.getByLabelText('File'),
      new File([CSV], 'customers.csv', { type: 'text/csv' }),
    );
    await user.selectOptions(await screen.findByLabelText('Import into'), set.id);
    await user.click(screen.getByRole('radio', { name: 'Replace them' }));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The import failed, and nothing was changed. The browser’s storage for this site is full',
    );
    expect(alert).not.toHaveTextContent('disk full');
    expect((await services.repo.readProfileSet(set.id)).map((p) => p.id)).toEqual(['a']);
  });
});
