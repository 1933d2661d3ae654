import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { dueInfo, formatDate, formatVnd, workingDueInfo } from '../lib/format';
import { processName } from '../processes/process-texts';

type Status = Schemas['CaseSummaryDto']['status'];

/** Colours in styles.css (`.status-*`): each at least 4.5:1 against its background. */
export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Tag className={`status-tag status-${status}`}>{t(`status.${status}`)}</Tag>;
}

/**
 * "Còn 3 ngày" / "Hạn hôm nay" / "Quá hạn 2 ngày", coloured, never by colour alone (icon and words too).
 * With `workingDaysLeft` (a deadline in working days): "Còn 3 ngày làm việc" / "Hạn hôm nay" / "Quá hạn".
 */
export function DueTag({ dueAt, overdue, workingDaysLeft = null }: { dueAt: string; overdue: boolean; workingDaysLeft?: number | null }) {
  const { t, i18n } = useTranslation();
  const working = workingDaysLeft !== null;
  const { days, tone } = working ? workingDueInfo(workingDaysLeft, dueAt, overdue) : dueInfo(dueAt, overdue);
  const text =
    tone === 'overdue'
      ? working
        ? t('due.overdueWorking')
        : t('due.overdue', { count: -days })
      : days === 0
        ? t('due.today')
        : t(working ? 'due.leftWorking' : 'due.left', { count: days });
  return (
    <Tag
      // Own colours (styles.css): Ant Design's light tag tints fall below AA contrast at this size.
      className={`due-tag due-${tone}`}
      icon={tone === 'overdue' ? <ExclamationCircleOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />}
      title={t('due.until', { date: formatDate(dueAt, i18n.language === 'en' ? 'en' : 'vi') })}
    >
      {text}
    </Tag>
  );
}

/** One case in a list (inbox, search): the title as the link, then what matters for deciding. */
export function CaseListItem({ item, showWaitingAt = false }: { item: Schemas['CaseSummaryDto']; showWaitingAt?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <article className="case-item">
      <Link to={`/cases/${item.id}`} className="case-item-title">
        {item.title}
      </Link>
      <div className="case-item-tags">
        <StatusTag status={item.status} />
        {item.status === 'pending' && item.dueAt && <DueTag dueAt={item.dueAt} overdue={item.overdue} />}
        <Tag>{processName(t, item.processType)}</Tag>
      </div>
      <div className="case-item-meta">
        <span>{t('inbox.from', { unit: item.originUnit.name })}</span>
        {showWaitingAt && item.currentStep && <span>{t('inbox.waitingAt', { unit: item.currentStep.unitName })}</span>}
        {item.approvedAmount !== null ? (
          <span>{t('cases.approved', { amount: formatVnd(item.approvedAmount, lang) })}</span>
        ) : (
          item.requestedAmount !== null && <span>{t('cases.requested', { amount: formatVnd(item.requestedAmount, lang) })}</span>
        )}
        <span>{t('cases.createdAt', { date: formatDate(item.createdAt, lang) })}</span>
      </div>
    </article>
  );
}
