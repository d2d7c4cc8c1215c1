import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';

import { ApiError } from '../lib/api-client';
import { I18nProvider, preferredLanguage, type Language } from '../lib/i18n/i18n';
import { AppRoutes } from './app-routes';

/** A session that expires while the app is open sends the person back to the sign-in screen. */
export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
    queryCache: new QueryCache({ onError: (error) => signOutOnExpiry(error) }),
    mutationCache: new MutationCache({ onError: (error) => signOutOnExpiry(error) }),
  });
  function signOutOnExpiry(error: unknown) {
    if (error instanceof ApiError && error.status === 401 && error.problem.code !== 'account.login.failed') {
      client.setQueryData(['auth', 'me'], null);
    }
  }
  return client;
}

export function App({ language = preferredLanguage() }: { language?: Language }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider language={language}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/app">
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </I18nProvider>
  );
}
