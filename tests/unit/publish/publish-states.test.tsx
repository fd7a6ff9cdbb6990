// @vitest-environment jsdom
import '../../setup/dom-setup';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rememberPublishedVersion } from '../../../src/features/publish/published-versions';
import { specForVersion } from '../../../src/features/publish/unpublished-changes';
import { usePublishStates } from '../../../src/features/publish/use-publish-states';
import { useDatabaseForTests } from '../../../src/storage/app-storage';
import { openWayfinderDb } from '../../../src/storage/db';
import { saveJourney } from '../../../src/storage/journey-documents';
import { welcomeJourney } from './journeys';

describe('usePublishStates', () => {
  it('tells the journey list which journeys have unpublished changes, live', async () => {
    useDatabaseForTests(openWayfinderDb(`states-${Math.random()}`));
    const doc = welcomeJourney();
    const other = { ...welcomeJourney(), id: 'j-never' };
    await saveJourney(doc);
    await saveJourney(other);
    const published = specForVersion(doc, 1);
    if (published === null) throw new Error('does not compile');
    await rememberPublishedVersion(
      {
        journeyId: doc.id,
        version: 1,
        specHash: published.specHash,
        publishedAt: '2025-03-01T10:00:00.000Z',
      },
      published.spec,
    );
    const { result } = renderHook(() => usePublishStates());
    await waitFor(() =>
      expect(result.current?.get(doc.id)).toEqual({
        version: 1,
        publishedAt: '2025-03-01T10:00:00.000Z',
        unpublishedChanges: false,
      }),
    );
    expect(result.current?.has('j-never')).toBe(false);

    await saveJourney({ ...doc, name: 'Welcome, renamed', updatedAt: '2025-03-02T00:00:00.000Z' });
    await waitFor(() => expect(result.current?.get(doc.id)?.unpublishedChanges).toBe(true));
  });
});
