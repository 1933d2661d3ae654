import { FileAddOutlined, FolderOpenOutlined, FundOutlined, InboxOutlined, LogoutOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { api } from '../api/client';
import { useSession } from '../auth/RequireSession';
import { setSession } from '../auth/session';
import { startableProcesses } from '../processes/registry';
import { LanguageToggle } from './LanguageToggle';
import { NotificationBell } from './NotificationBell';

/**
 * The frame of every signed-in page: the name and the user on top, the places to go as large
 * links (they wrap under each other on a phone rather than hide in a menu), then the page.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession()!;
  const queryClient = useQueryClient();
  const signOut = () => {
    // Recorded in the server's audit log; the token is forgotten here whatever the answer.
    void api.POST('/api/auth/logout', { headers: { Authorization: `Bearer ${session.accessToken}` } }).catch(() => undefined);
    queryClient.clear();
    setSession(null);
  };
  return (
    <Layout className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <Typography.Text className="app-brand" strong>
          {t('app.name')}
        </Typography.Text>
        <span className="app-user" title={session.user.displayName}>
          {session.user.displayName}
        </span>
        <span className="app-header-actions">
          <NotificationBell />
          <LanguageToggle onDark />
          <Button type="text" className="on-dark" icon={<LogoutOutlined aria-hidden />} onClick={signOut} aria-label={t('nav.signOut')} />
        </span>
      </Layout.Header>
      <nav className="app-nav" aria-label={t('nav.mainMenu')}>
        <NavLink to="/inbox">
          <InboxOutlined aria-hidden /> {t('nav.inbox')}
        </NavLink>
        <NavLink to="/cases" end>
          <FolderOpenOutlined aria-hidden /> {t('nav.cases')}
        </NavLink>
        {startableProcesses(session.user).length > 0 && (
          <NavLink to="/cases/new">
            <FileAddOutlined aria-hidden /> {t('nav.newCase')}
          </NavLink>
        )}
        <NavLink to="/campaigns">
          <FundOutlined aria-hidden /> {t('campaigns.nav')}
        </NavLink>
        {session.user.memberships.some((m) => m.role !== 'member') && (
          <NavLink to="/members">
            <TeamOutlined aria-hidden /> {t('nav.members')}
          </NavLink>
        )}
      </nav>
      <Layout.Content id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
