import { App, Button, Empty, Pagination, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListSkeleton, LoadError } from '../components/PageState';
import { formatPlainDate, formatVnd } from '../lib/format';
import { type Contribution, useContributions, useReverseContribution } from './campaign-queries';
import { useReasonDialog } from './ReasonDialog';

const PAGE_SIZE = 20;

interface Props {
  campaignId: string;
  unit: { id: string; name: string };
  /** Whether the user may reverse this entry (officer/chair of its unit, while the campaign takes entries). */
  canReverse: (entry: Contribution) => boolean;
}

/**
 * A unit's entries, newest first, as the officers who recorded them need them: the receipt number,
 * amount, donor, method, date, and a reversal (with a reason) for a mistaken one. A list in entry order,
 * never sorted by amount: no screen ranks givers against each other.
 */
export function ContributionList({ campaignId, unit, canReverse }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [page, setPage] = useState(1);
  const list = useContributions(campaignId, unit.id, page, PAGE_SIZE);
  const e = (key: string, options?: Record<string, unknown>) => t(`campaigns.entry.${key}`, options);
  const titleId = `entries-${unit.id}`;

  return (
    <section aria-labelledby={titleId} className="entry-list">
      <h2 id={titleId} className="card-subtitle ant-typography">
        {e('list', { unit: unit.name })}
      </h2>
      {list.isPending ? (
        <ListSkeleton rows={2} />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty description={e('listEmpty')} />
      ) : (
        <>
          <p className="list-total" aria-live="polite">
            {e('listTotal', { count: list.data.total, amount: formatVnd(list.data.collected, lang) })}
          </p>
          <ul className="case-list" aria-labelledby={titleId} aria-busy={list.isFetching}>
            {list.data.items.map((entry) => (
              <li key={entry.id}>
                <EntryItem campaignId={campaignId} entry={entry} canReverse={canReverse(entry)} />
              </li>
            ))}
          </ul>
          <Pagination
            current={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            showSizeChanger={false}
            onChange={setPage}
            className="pager"
            hideOnSinglePage
          />
        </>
      )}
    </section>
  );
}

function EntryItem({ campaignId, entry, canReverse }: { campaignId: string; entry: Contribution; canReverse: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { message } = App.useApp();
  const askReason = useReasonDialog();
  const reverse = useReverseContribution(campaignId);
  const e = (key: string, options?: Record<string, unknown>) => t(`campaigns.entry.${key}`, options);
  const isReversal = entry.reverses !== null;
  const donor = entry.donor.kind === 'anonymous' ? e('anonymousName') : (entry.donor.name ?? e(`kind.${entry.donor.kind}`));

  const ask = () =>
    askReason({
      title: e('reverse'),
      question: e('reverseQuestion', { amount: formatVnd(entry.amount, lang), receiptNo: entry.receiptNo }),
      label: e('reverseReason'),
      okText: e('reverseConfirm'),
      onOk: async (reason) => {
        await reverse.mutateAsync({ contributionId: entry.id, reason });
        void message.success(e('reverseDone'));
      },
    });

  return (
    <div className={`case-item entry-item${isReversal ? ' entry-reversal' : ''}`}>
      <div className="entry-head">
        <strong className="entry-amount">{formatVnd(entry.amount, lang)}</strong>
        {isReversal ? <Tag className="status-tag status-cancelled">{e('reversalEntry')}</Tag> : <span>{e('receiptNo', { receiptNo: entry.receiptNo })}</span>}
        {entry.reversedBy && <Tag className="status-tag status-cancelled">{e('reversed')}</Tag>}
      </div>
      <div className="case-item-meta">
        <span>{donor}</span>
        <span>{e(`methods.${entry.method}`)}</span>
        <span>{formatPlainDate(entry.date)}</span>
        <span>{e('recordedBy', { name: entry.recordedBy.displayName })}</span>
      </div>
      {entry.note && <p className="timeline-comment">{entry.note}</p>}
      {canReverse && !isReversal && !entry.reversedBy && (
        <Button className="entry-reverse" onClick={ask}>
          {e('reverse')}
        </Button>
      )}
    </div>
  );
}
