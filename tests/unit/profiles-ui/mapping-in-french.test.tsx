// @vitest-environment jsdom
import '../../setup/dom-setup';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { columnMappingSchema } from '../../../src/domain/profiles/import/mapping.ts';
import { TypedColumnsTable } from '../../../src/features/profiles/import/typed-columns-table.tsx';
import { inFrench } from '../../support/in-french.tsx';

const headers = ['id', 'at', 'spend'];

describe('the columns table in French', () => {
  it('names what a column is imported as in French, for attributes and for event properties', () => {
    const attributes = columnMappingSchema.parse({ id: 'id' });
    const { unmount } = inFrench(
      <TypedColumnsTable mapping={attributes} headers={headers} onChange={() => undefined} />,
    );
    expect(
      screen.getByRole('columnheader', { name: 'Importer comme attribut personnalisé' }),
    ).toBeVisible();
    unmount();
    const events = columnMappingSchema.parse({
      id: 'id',
      events: { name: { fixed: 'achat' }, timestamp: 'at' },
    });
    inFrench(<TypedColumnsTable mapping={events} headers={headers} onChange={() => undefined} />);
    expect(
      screen.getByRole('columnheader', { name: 'Importer comme propriété d’événement' }),
    ).toBeVisible();
  });
});
