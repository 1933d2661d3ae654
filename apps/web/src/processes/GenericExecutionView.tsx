import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AmountProgress, LedgerList, MilestoneList, SettlementNote } from '../components/ExecutionParts';
import { formatVnd } from '../lib/format';
import { processText } from './process-texts';
import type { Detail } from './types';

/**
 * The execution phase of any process, worded by its texts: the money paid against the approved
 * amount, the settlement if the ledger was closed below it, the milestones, and the ledger.
 * A module whose phase reads differently (money paid back over a term) brings its own `ExecutionView`.
 */
export function GenericExecutionView({ c }: { c: Detail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const execution = c.execution!;
  const tx = (key: string, options?: Record<string, unknown>) => processText(t, c.processType, key, options);
  const disbursedText = tx('detail.disbursed', {
    disbursed: formatVnd(execution.disbursed, lang),
    cap: execution.cap === null ? t('common.none') : formatVnd(execution.cap, lang),
  });
  return (
    <Card title={tx('detail.execution')} className="block-gap" size="small">
      <AmountProgress
        id="disbursed-label"
        label={tx('detail.disbursedLabel')}
        done={execution.disbursed}
        total={execution.cap}
        text={disbursedText}
        extra={execution.remaining !== null && !execution.settlement && ` · ${tx('detail.remaining', { amount: formatVnd(execution.remaining, lang) })}`}
      />
      {execution.settlement && <SettlementNote settlement={execution.settlement} />}

      {execution.milestones.length > 0 && (
        <>
          <Typography.Title level={2} className="card-subtitle">
            {tx('detail.milestones')}
          </Typography.Title>
          <MilestoneList processType={c.processType} milestones={execution.milestones} />
        </>
      )}

      <Typography.Title level={2} className="card-subtitle">
        {tx('detail.ledger')}
      </Typography.Title>
      <LedgerList entries={c.ledger} empty={tx('detail.noLedger')} />
    </Card>
  );
}
