import { render, screen } from '@testing-library/react';
import { ImportDialog } from '../../../src/features/profiles/import/import-dialog.tsx';
import type { ProfileSet } from '../../../src/storage/records.ts';
import { testServices, withServices } from './services.tsx';

/**
 * Renders the import dialog open (offering `sets` to import into) and waits for it: its frame's
 * code loads on demand.
 */
export async function renderImportDialog(
  services = testServices(),
  sets: readonly ProfileSet[] = [],
) {
  render(
    withServices(
      services,
      [
        {
          path: '/',
          element: (
            <ImportDialog
              open
              onOpenChange={() => undefined}
              sets={sets}
              onOpenSet={() => undefined}
            />
          ),
        },
      ],
      '/',
    ),
  );
  await screen.findByRole('dialog');
  return services;
}
