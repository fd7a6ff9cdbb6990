// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MessagePreview } from '../../../src/features/editor/inspector/message-preview/message-preview.tsx';
import { useTemplateContext } from '../../../src/features/editor/use-template-context.ts';

// The profile store's reader, loaded on demand, fails to arrive (a chunk lost to a deploy).
vi.mock('../../../src/storage/profile-repo.ts', () => {
  throw new Error('chunk failed to load');
});

describe('a profile set that cannot be read', () => {
  it('is told apart from having no set', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderHook(() => useTemplateContext(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      ),
    });
    await waitFor(() => expect(result.current.unreadable).toBe(true));
    expect(result.current.context).toBeUndefined();
  });

  it('is said in the message preview, as an alert', () => {
    render(
      <MessagePreview
        kind="sms"
        config={{ body: 'Hi {{ profile.name }}' }}
        profiles={[]}
        profileSetName=""
        profilesUnreadable
        triggerEvent={undefined}
        journey={{ id: 'j1', name: 'Welcome', unsubscribeUrl: 'https://example.test/u' }}
      />,
    );
    expect(screen.getByRole('alert')).toBeVisible();
  });
});
