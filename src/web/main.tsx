import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from './api/api-error';
import { App } from './app/App';
import { sessionStore } from './auth/session-store';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';
import './pages/catalog/catalog.css';
import './pages/assets/assets.css';
import './pages/contracts/contracts.css';

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session the server no longer accepts ends here too; the login page then shows.
    onError: (error) => {
      if (isApiError(error) && error.isUnauthenticated && sessionStore.get()) sessionStore.clear();
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
