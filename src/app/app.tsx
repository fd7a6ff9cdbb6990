import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { LocaleProvider } from '../i18n/locale-provider';
import type { Messages } from '../i18n/load-messages';
import type { Locale } from '../i18n/locales';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
});

interface AppProps {
  locale: Locale;
  messages: Messages;
}

export function App({ locale, messages }: AppProps) {
  return (
    <LocaleProvider locale={locale} messages={messages}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </LocaleProvider>
  );
}
