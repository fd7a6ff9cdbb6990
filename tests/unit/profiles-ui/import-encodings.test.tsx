// @vitest-environment jsdom
import '../../setup/dom-setup';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderImportDialog } from './render-import-dialog.tsx';
import { encodeText } from '../../support/encode-text.ts';

/** A CSV as Excel on Windows saves it in Western Europe: Windows-1252, € and ’ included. */
const CSV = [
  'customer_id,full_name,note',
  'u1,Zoé,5 € l’unité',
  'u2,Ann,plain',
  'u3,Œdipe,ok',
].join('\r\n');
const WESTERN = 'Western European (Windows-1252, Latin-1)';

const linesAsRead = (encoding: string) =>
  screen.findByRole('table', { name: `Lines with accented letters, read as ${encoding}` });

describe('importing a CSV that is not UTF-8', () => {
  it('offers the encodings that read it, shows its accented lines in the one chosen, and imports in it', async () => {
    const user = userEvent.setup();
    const services = await renderImportDialog();
    await user.upload(
      screen.getByLabelText('File'),
      new File([encodeText(CSV, 'windows-1252')], 'excel.csv', { type: 'text/csv' }),
    );
    const group = await screen.findByRole('group', { name: 'Text encoding' });
    const select = within(group).getByRole('combobox', { name: 'Encoding' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([WESTERN, 'Central European (Windows-1250)', 'Western European (Mac OS Roman)']);
    expect(select).toHaveDisplayValue(WESTERN);
    let lines = within(await linesAsRead(WESTERN)).getAllByRole('row');
    expect(lines.map((r) => r.textContent)).toEqual([
      'Line 2u1,Zoé,5 € l’unité',
      'Line 4u3,Œdipe,ok',
    ]);

    // The wrong choice shows at once: "é" comes out as "È" in Mac OS Roman.
    await user.selectOptions(select, 'Western European (Mac OS Roman)');
    lines = within(await linesAsRead('Western European (Mac OS Roman)')).getAllByRole('row');
    expect(lines[0]).toHaveTextContent('u1,ZoÈ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Encoding' }), WESTERN);
    await linesAsRead(WESTERN);
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('list', { name: 'Import summary' })).toHaveTextContent(
      '3 profiles imported from 3 rows',
    );
    const [set] = await services.repo.listProfileSets();
    if (set === undefined) throw new Error('no set');
    const profiles = await services.repo.readProfileSet(set.id);
    expect(profiles.map((p) => p.attributes.name)).toEqual(['Zoé', 'Ann', 'Œdipe']);
  });

  it('offers the choice when the bytes that are not UTF-8 come only after the preview, naming their line', async () => {
    const user = userEvent.setup();
    const services = await renderImportDialog();
    // Past the preview's first megabyte of UTF-8: one name saved in Windows-1252.
    const rows = ['customer_id,full_name,note'];
    for (let i = 0; i < 40_000; i++) rows.push(`c${i},Customer ${i},plain text row`);
    const late = rows.length + 1;
    const file = new File(
      [`${rows.join('\r\n')}\r\n`, encodeText('u1,Zoé,5 €\r\n', 'windows-1252')],
      'late.csv',
      { type: 'text/csv' },
    );
    await user.upload(screen.getByLabelText('File'), file);
    expect(screen.queryByRole('group', { name: 'Text encoding' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('alert')).toBeVisible();
    const group = await screen.findByRole('group', { name: 'Text encoding' });
    expect(within(group).getByRole('combobox', { name: 'Encoding' })).toHaveDisplayValue(WESTERN);
    const lines = within(await linesAsRead(WESTERN)).getAllByRole('row');
    expect(lines.map((r) => r.textContent)).toEqual([
      `Line ${late.toLocaleString('en')}u1,Zoé,5 €`,
    ]);
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('list', { name: 'Import summary' })).toHaveTextContent(
      '40,001 profiles imported from 40,001 rows',
    );
    const [set] = await services.repo.listProfileSets();
    if (set === undefined) throw new Error('no set');
    const profiles = await services.repo.readProfileSet(set.id);
    expect(profiles.at(-1)?.attributes.name).toBe('Zoé');
  });

  it('refuses a file with UTF-8 letters before its line that is not UTF-8, offering no encoding', async () => {
    const user = userEvent.setup();
    const services = await renderImportDialog();
    // UTF-8 "Zoé" near the top, and past the preview one name saved in Windows-1252.
    const rows = ['customer_id,full_name,note', 'a1,Zoé,plain'];
    for (let i = 0; i < 40_000; i++) rows.push(`c${i},Customer ${i},plain text row`);
    const file = new File(
      [`${rows.join('\r\n')}\r\n`, encodeText('u1,Müller,5 €\r\n', 'windows-1252')],
      'mixed.csv',
      { type: 'text/csv' },
    );
    await user.upload(screen.getByLabelText('File'), file);
    await user.click(await screen.findByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('heading', { name: 'Import refused' })).toBeVisible();
    expect(screen.queryByRole('group', { name: 'Text encoding' })).not.toBeInTheDocument();
    expect(await services.repo.listProfileSets()).toEqual([]);
  });

  it('keeps the columns the user mapped when they choose another encoding', async () => {
    const user = userEvent.setup();
    await renderImportDialog();
    await user.upload(
      screen.getByLabelText('File'),
      new File([encodeText(CSV, 'windows-1252')], 'excel.csv', { type: 'text/csv' }),
    );
    await linesAsRead(WESTERN);
    await user.selectOptions(screen.getByLabelText('Name'), 'note');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Encoding' }),
      'Central European (Windows-1250)',
    );
    await linesAsRead('Central European (Windows-1250)');
    expect(screen.getByLabelText('Name')).toHaveValue('note');
  });

  it('imports UTF-16 with a byte-order mark (Excel’s “Unicode text”) with no choice to make', async () => {
    const user = userEvent.setup();
    const services = await renderImportDialog();
    await user.upload(
      screen.getByLabelText('File'),
      new File([encodeText(CSV, 'utf-16le')], 'unicode.csv', { type: 'text/csv' }),
    );
    expect(
      await screen.findByText('Read as UTF-16 text, as the file’s byte-order mark says.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Text encoding' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('full_name');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('list', { name: 'Import summary' })).toHaveTextContent(
      '3 profiles imported from 3 rows',
    );
    const [set] = await services.repo.listProfileSets();
    if (set === undefined) throw new Error('no set');
    const profiles = await services.repo.readProfileSet(set.id);
    expect(profiles.map((p) => p.attributes.name)).toEqual(['Zoé', 'Ann', 'Œdipe']);
  });

  it('still refuses bytes that are text in no encoding, saying so', async () => {
    const user = userEvent.setup();
    await renderImportDialog();
    const noise = new Uint8Array([...new TextEncoder().encode('id,name\n'), 0xe9, 0x01, 0x02]);
    await user.upload(
      screen.getByLabelText('File'),
      new File([noise], 'export.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Line 2 holds control characters no text has',
    );
    expect(screen.queryByRole('button', { name: 'Import' })).not.toBeInTheDocument();
  });
});
