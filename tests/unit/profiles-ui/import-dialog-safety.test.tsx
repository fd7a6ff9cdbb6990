// @vitest-environment jsdom
import '../../setup/dom-setup';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderImportDialog } from './render-import-dialog.tsx';

const SAMPLE = readFileSync(path.resolve('public/data/cdnow/CDNOW_sample.txt'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('import dialog: exact or refused', () => {
  it('refuses a binary file up front with a clear message, and stores nothing', async () => {
    const user = userEvent.setup();
    const services = await renderImportDialog();
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    await user.upload(screen.getByLabelText('File'), new File([xlsx], 'customers.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /ZIP archive \(or an Excel \.xlsx workbook\), not a text file/,
    );
    expect(screen.queryByRole('button', { name: 'Import' })).not.toBeInTheDocument();
    expect(await services.repo.listProfileSets()).toEqual([]);
  });

  it('refuses a CSV with a quote left open, naming the line, and creates no set', async () => {
    const user = userEvent.setup();
    const services = await renderImportDialog();
    const rows = Array.from({ length: 300 }, (_, i) => `c${i + 1},c${i + 1}@example.com`);
    rows[4] = 'c5,"c5@example.com';
    const csv = ['customer_id,email', ...rows].join('\n');
    await user.upload(screen.getByLabelText('File'), new File([csv], 'customers.csv'));
    await user.click(await screen.findByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('heading', { name: 'Import refused' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/Nothing was imported\. Line 6:/);
    expect(await services.repo.listProfileSets()).toEqual([]);
    expect(await services.db.profileSets.count()).toBe(0);
  });
});

describe('import dialog: the CDNOW sample', () => {
  it('loads the sample lazily and imports it with one click', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(SAMPLE, { status: 200 });
    });
    const user = userEvent.setup();
    const services = await renderImportDialog();
    expect(fetched).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Load the CDNOW sample' }));
    expect(
      await screen.findByRole('list', { name: 'Import summary' }, { timeout: 10_000 }),
    ).toHaveTextContent('2,357 profiles imported from 6,919 rows');
    expect(fetched).toEqual(['/data/cdnow/CDNOW_sample.txt']);
    const [set] = await services.repo.listProfileSets();
    expect(set).toMatchObject({ name: 'CDNOW sample', source: 'cdnow', count: 2357 });
  });

  it('says so when the sample cannot be downloaded', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    const user = userEvent.setup();
    await renderImportDialog();
    await user.click(screen.getByRole('button', { name: 'Load the CDNOW sample' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The CDNOW sample could not be downloaded (HTTP 404).',
    );
  });
});
