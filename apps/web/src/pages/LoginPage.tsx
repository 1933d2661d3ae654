import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { setSession } from '../auth/session';
import { LanguageToggle } from '../components/LanguageToggle';
import { errorMessage } from '../lib/errors';

/** Only our own pages: `next` comes from the address bar, so never follow it to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/inbox';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await unwrap(api.POST('/api/auth/login', { body: values }));
      // Nothing of the previous user's may show to this one.
      queryClient.clear();
      setSession({ accessToken: answer.accessToken, user: answer.user });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageToggle />
      </div>
      <Card className="login-card">
        <Typography.Title level={1} className="login-brand">
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph>{t('app.tagline')}</Typography.Paragraph>
        <Typography.Title level={2}>{t('login.title')}</Typography.Title>
        {params.get('expired') && !error && (
          <Alert type="warning" showIcon role="status" message={t('login.sessionExpired')} className="block-gap" />
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} className="block-gap" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
