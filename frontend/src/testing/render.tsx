import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';

import { I18nProvider, type Language } from '../lib/i18n/i18n';
import { createTestQueryClient } from './query-client';

/** Renders a component with what the app provides around it: language, queries, router. */
export function renderWithProviders(ui: ReactNode, { language = 'fr' as Language, path = '/' } = {}) {
  return render(
    <I18nProvider language={language}>
      <QueryClientProvider client={createTestQueryClient()}>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}
