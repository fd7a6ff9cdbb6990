// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportTargetFields } from '../../../src/features/profiles/import/import-target-fields.tsx';

const LONG_NAME = 'Spring ' + 'x'.repeat(10_000);
const SETS = [
  { id: 's1', name: LONG_NAME, source: 'csv' as const, count: 3, createdAt: 0, updatedAt: 0 },
];

describe('import target: a very long set name', () => {
  it('gives the set select the chosen set’s full name as its title, as the ellipsis hides the end', () => {
    render(
      <ImportTargetFields
        sets={SETS}
        target={{ kind: 'existing', setId: 's1', mode: 'append' }}
        onChange={() => undefined}
        defaultName="New set"
      />,
    );
    expect(screen.getByRole('combobox', { name: 'Import into' })).toHaveAttribute(
      'title',
      LONG_NAME,
    );
  });
});
