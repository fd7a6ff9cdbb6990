import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { EditorPage } from '../../src/features/editor/editor-page.tsx';

/** The editor page routed as the app routes it, opened at the stored journey `journeyId`. */
export function editorPageAt(journeyId: string): ReactElement {
  return (
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[`/journeys/${journeyId}`]}>
        <Routes>
          <Route path="/journeys/:journeyId" element={<EditorPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>
  );
}
