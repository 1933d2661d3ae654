import { ClockCircleOutlined } from '@ant-design/icons';
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { formatPlainDate, formatVnd } from '../lib/format';
import { barPercent, daysText, percentText } from './campaign-format';
import './campaigns.css';

type Summary = Schemas['CampaignSummaryDto'];

/** The campaign's status in words, coloured as the case statuses are (styles.css `.status-*`). */
export function CampaignStatusTag({ status }: { status: Summary['status'] }) {
  const { t } = useTranslation();
  const tone = { draft: 'returned', open: 'in_progress', closed: 'completed', cancelled: 'cancelled' }[status];
  return <Tag className={`status-tag status-${tone} campaign-status`}>{t(`campaigns.status.${status}`)}</Tag>;
}

/** "Còn 12 ngày" (or "Hôm nay là ngày cuối", or when a draft starts); nothing once the campaign is over. */
export function DaysTag({ c }: { c: Pick<Summary, 'status' | 'daysLeft' | 'startDate'> }) {
  const { t } = useTranslation();
  const text = daysText(c, t);
  if (!text) return null;
  const tone = c.status === 'open' && c.daysLeft <= 7 ? 'soon' : 'ok';
  return (
    <Tag className={`due-tag due-${tone} days-tag`} icon={<ClockCircleOutlined aria-hidden />}>
      {text}
    </Tag>
  );
}

/** One campaign in the list: the title as the link, status, days left, period, and collected against the target. */
export function CampaignListItem({ item }: { item: Summary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const progress = t('campaigns.list.progress', { collected: formatVnd(item.collected, lang), target: formatVnd(item.target, lang) });
  const percent = percentText(item.percent, t, lang);
  const labelId = `campaign-${item.id}`;
  return (
    <article className="case-item campaign-item">
      <Link to={`/campaigns/${item.id}`} className="case-item-title" id={labelId}>
        {item.title}
      </Link>
      <div className="case-item-tags">
        <CampaignStatusTag status={item.status} />
        <DaysTag c={item} />
        <Tag>{item.code}</Tag>
      </div>
      <Progress percent={barPercent(item.percent)} showInfo={false} aria-labelledby={labelId} aria-valuetext={`${progress} (${percent})`} strokeColor="#1e6b34" />
      <div className="case-item-meta">
        <span>
          {progress} <strong className="campaign-percent">{percent}</strong>
        </span>
        <span>{t('campaigns.list.period', { start: formatPlainDate(item.startDate), end: formatPlainDate(item.endDate) })}</span>
        <span>{item.unit.name}</span>
      </div>
    </article>
  );
}
