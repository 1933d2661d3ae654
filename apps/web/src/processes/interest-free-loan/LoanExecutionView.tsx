import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AmountProgress, LedgerList, SettlementNote } from '../../components/ExecutionParts';
import { formatPlainDate, formatVnd } from '../../lib/format';
import type { Detail } from '../types';

/**
 * A loan after approval: what was paid out of the approved amount, what came back of it, what is
 * still owed and by when (the term runs from the first payout), and each payout and repayment.
 */
export function LoanExecutionView({ c }: { c: Detail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const d = (key: string, options?: Record<string, unknown>) => t(`processes.interest-free-loan.detail.${key}`, options);
  const e = c.execution!;
  const vnd = (n: number) => formatVnd(n, lang);
  const overdue = c.status === 'in_progress' && c.overdue && e.outstanding > 0;
  return (
    <Card title={d('execution')} className="block-gap" size="small">
      <AmountProgress
        id="loan-disbursed"
        label={d('disbursedLabel')}
        done={e.disbursed}
        total={e.cap}
        text={d('disbursed', { disbursed: vnd(e.disbursed), cap: e.cap === null ? t('common.none') : vnd(e.cap) })}
      />
      {e.settlement && <SettlementNote settlement={e.settlement} />}
      <AmountProgress
        id="loan-repaid"
        label={d('repaidLabel')}
        done={e.repaid}
        total={e.disbursed}
        text={d('repaid', { repaid: vnd(e.repaid), disbursed: vnd(e.disbursed) })}
        extra={
          <>
            {' · '}
            <strong>{d('outstanding', { amount: vnd(e.outstanding) })}</strong>
            {' · '}
            {e.repaymentDueDate ? d('dueDate', { date: formatPlainDate(e.repaymentDueDate) }) : d('dueAfterPayout')}
            {overdue && (
              <>
                {' '}
                <Tag className="due-tag due-overdue" icon={<ExclamationCircleOutlined aria-hidden />}>
                  {d('overdue')}
                </Tag>
              </>
            )}
          </>
        }
      />

      <Typography.Title level={2} className="card-subtitle">
        {d('payouts')}
      </Typography.Title>
      <LedgerList entries={c.ledger.filter((l) => l.kind === 'disbursement')} empty={d('noPayouts')} />
      <Typography.Title level={2} className="card-subtitle">
        {d('repayments')}
      </Typography.Title>
      <LedgerList entries={c.ledger.filter((l) => l.kind === 'repayment')} empty={d('noRepayments')} />
    </Card>
  );
}
