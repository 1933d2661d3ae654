import type { SupportVisitPayload } from '@lienthong/processes';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPlainDate, formatVnd } from '../../lib/format';
import type { PayloadViewProps } from '../types';

/** A recorded visit: what kind, for whom, when, and what was given. */
export function SupportVisitPayloadView({ payload: p }: PayloadViewProps<SupportVisitPayload>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const d = (key: string) => t(`processes.support-visit.detail.${key}`);
  const items = [
    { key: 'kind', label: d('kind'), children: t(`processes.support-visit.kind.${p.kind}`, { defaultValue: p.kind }) },
    {
      key: 'recipient',
      label: d('recipient'),
      children: (
        <>
          {p.recipient?.name} <span className="muted">({p.recipient?.memberId ? d('member') : d('notMember')})</span>
        </>
      ),
    },
    { key: 'date', label: d('date'), children: p.date ? formatPlainDate(p.date) : t('common.none') },
    { key: 'amount', label: d('amount'), children: <strong>{formatVnd(p.amount ?? 0, lang)}</strong> },
    ...(p.note ? [{ key: 'note', label: d('note'), children: <span className="pre-line">{p.note}</span> }] : []),
  ];
  return <Descriptions column={1} items={items} size="small" bordered layout="vertical" className="payload" />;
}
