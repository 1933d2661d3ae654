import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, List, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkNotificationRead, useNotifications } from '../api/queries';
import { formatDateTime } from '../lib/format';

/** The bell with the unread count; opens the newest notifications, each leading to its case. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const unread = notifications.data?.unread ?? 0;

  return (
    <>
      <Badge count={unread} overflowCount={99} offset={[-6, 6]}>
        <Button
          type="text"
          className="on-dark"
          icon={<BellOutlined aria-hidden />}
          aria-label={t('notifications.open', { count: unread })}
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer title={t('notifications.title')} open={open} onClose={() => setOpen(false)} width={420} closable={{ 'aria-label': t('common.close') }}>
        {notifications.isPending ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <List
            dataSource={notifications.data?.items ?? []}
            locale={{ emptyText: t('notifications.empty') }}
            renderItem={(n) => (
              <List.Item className={n.readAt ? 'notification' : 'notification notification-unread'}>
                <button
                  type="button"
                  className="notification-button"
                  onClick={() => {
                    if (!n.readAt) markRead.mutate(n.id);
                    setOpen(false);
                    if (n.caseId) navigate(`/cases/${n.caseId}`);
                  }}
                >
                  {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                  <span>{n.message}</span>
                  <Typography.Text type="secondary" className="notification-time">
                    {formatDateTime(n.createdAt, lang)}
                  </Typography.Text>
                </button>
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
