import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

/** Grey placeholder lines where a list will be: the page stays usable (menu, bell) while it loads. */
export function ListSkeleton({ rows = 3 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div aria-busy="true" aria-label={t('common.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <div className="case-item" key={i}>
          <Skeleton active title paragraph={{ rows: 2 }} />
        </div>
      ))}
    </div>
  );
}

export function LoadError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={t('common.loadError')}
      description={errorMessage(error, t)}
      action={<Button onClick={retry}>{t('common.retry')}</Button>}
    />
  );
}
