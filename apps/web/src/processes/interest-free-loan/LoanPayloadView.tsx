import type { InterestFreeLoanPayload } from '@lienthong/processes';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../lib/format';
import type { PayloadViewProps } from '../types';

/** The loan asked for: who borrows, how much, for how long, for what. */
export function LoanPayloadView({ payload: p }: PayloadViewProps<InterestFreeLoanPayload>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const d = (key: string, options?: Record<string, unknown>) => t(`processes.interest-free-loan.detail.${key}`, options);
  const items = [
    { key: 'borrower', label: d('borrower'), children: p.borrower?.name },
    { key: 'amount', label: d('amount'), children: <strong>{formatVnd(p.amount, lang)}</strong> },
    { key: 'term', label: d('term'), children: d('months', { months: p.termMonths }) },
    { key: 'purpose', label: d('purpose'), children: <span className="pre-line">{p.purpose}</span> },
  ];
  return <Descriptions column={1} items={items} size="small" bordered layout="vertical" className="payload" />;
}
