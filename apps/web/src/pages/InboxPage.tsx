import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInbox } from '../api/queries';
import { CaseListItem } from '../components/CaseBits';
import { ListSkeleton, LoadError } from '../components/PageState';
import { processName } from '../processes/process-texts';

/** Hộp việc: what the user may decide now, most urgent first (the API sorts by due date). */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const counts = Object.entries(inbox.data?.counts ?? {});
  return (
    <section aria-labelledby="inbox-title">
      <Typography.Title level={1} id="inbox-title">
        {t('inbox.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('inbox.intro')}</Typography.Paragraph>
      {counts.length > 0 && (
        <div className="inbox-counts" aria-label={t('inbox.counts')} role="group">
          {counts.map(([process, n]) => (
            <Tag key={process} color="volcano" className="count-tag">
              {processName(t, process)}: <strong>{String(n)}</strong>
            </Tag>
          ))}
        </div>
      )}
      {inbox.isPending ? (
        <ListSkeleton />
      ) : inbox.isError ? (
        <LoadError error={inbox.error} retry={() => void inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <Empty description={t('inbox.empty')} />
      ) : (
        <ol className="case-list" aria-labelledby="inbox-title">
          {inbox.data.items.map((item) => (
            <li key={item.id}>
              <CaseListItem item={item} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
