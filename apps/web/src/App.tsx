import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { RequireSession } from './auth/RequireSession';
import { CampaignEntriesPage } from './campaigns/CampaignEntriesPage';
import { CampaignPage } from './campaigns/CampaignPage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { NewCampaignPage } from './campaigns/NewCampaignPage';
import { AppLayout } from './components/AppLayout';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { CasesPage } from './pages/CasesPage';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { MembersPage } from './pages/MembersPage';
import { NewCasePage } from './pages/NewCasePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PublicDisclosurePage } from './pages/public/PublicDisclosurePage';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) will not change by asking again; a network hiccup may.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Public, no sign-in: a campaign's disclosure (NĐ 93/2021) for residents and the notice board.
  { path: '/cong-khai/:code', element: <PublicDisclosurePage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      { path: '/inbox', element: <InboxPage /> },
      { path: '/cases', element: <CasesPage /> },
      { path: '/cases/new', element: <NewCasePage /> },
      { path: '/cases/new/:processType', element: <NewCasePage /> },
      { path: '/cases/:id', element: <CaseDetailPage /> },
      { path: '/campaigns', element: <CampaignsPage /> },
      { path: '/campaigns/new', element: <NewCampaignPage /> },
      { path: '/campaigns/:id', element: <CampaignPage /> },
      { path: '/campaigns/:id/entries', element: <CampaignEntriesPage /> },
      { path: '/members', element: <MembersPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const { i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  useEffect(() => {
    dayjs.locale(vi ? 'vi' : 'en');
    document.documentElement.lang = vi ? 'vi' : 'en';
    // Messages from the API (notifications, errors) are in the language asked for: ask again.
    void queryClient.invalidateQueries();
  }, [vi]);
  return (
    <ConfigProvider locale={vi ? viVN : enUS} theme={theme} componentSize="large">
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
