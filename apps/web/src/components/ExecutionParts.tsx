import { CheckCircleFilled } from '@ant-design/icons';
import { Progress, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatPlainDate, formatVnd } from '../lib/format';
import { milestoneName } from '../processes/process-texts';

/**
 * The pieces an execution panel is made of, for any process: money against a total, the ledger's
 * entries, the milestones and the settlement. Their words come from the caller (the process's texts).
 */

/** "Đã cấp 30.000.000 ₫ / 60.000.000 ₫" with a bar; screen readers get the same sentence. */
export function AmountProgress({ id, label, done, total, text, extra }: { id: string; label: string; done: number; total: number | null; text: string; extra?: ReactNode }) {
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="amount-progress">
      <Typography.Text strong id={id}>
        {label}
      </Typography.Text>
      <Progress percent={percent} aria-labelledby={id} aria-valuetext={text} strokeColor="#1e6b34" />
      <p>
        {text}
        {extra}
      </p>
    </div>
  );
}

/** Entries of the ledger, newest last. A list, not a table: four columns do not fit a 360 px phone. */
export function LedgerList({ entries, empty }: { entries: Schemas['LedgerEntryDto'][]; empty: string }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <ul className="ledger">
      {entries.map((entry) => (
        <li key={entry.seq}>
          <strong>{formatVnd(entry.amount, lang)}</strong> — {formatPlainDate(entry.date)}
          {entry.note && ` — ${entry.note}`}
          {entry.recordedBy && <span className="muted"> ({entry.recordedBy.displayName})</span>}
        </li>
      ))}
    </ul>
  );
}

/** The milestones in order: done with their date and who recorded them, or planned with the target. */
export function MilestoneList({ processType, milestones }: { processType: string; milestones: Schemas['MilestoneProgressDto'][] }) {
  const { t } = useTranslation();
  return (
    <ol className="milestones">
      {milestones.map((m) => (
        <li key={m.kind} className={m.date ? 'milestone-done' : undefined}>
          <strong>{milestoneName(t, processType, m.kind)}</strong>{' '}
          {m.date ? (
            <span className="milestone-date">
              <CheckCircleFilled aria-hidden /> {t('detail.doneOn', { date: formatPlainDate(m.date) })}
            </span>
          ) : (
            <span>{t('detail.target', { date: formatPlainDate(m.targetDate) })}</span>
          )}
          {m.overdue && !m.date && <Tag color="error">{t('detail.late')}</Tag>}
          {m.recordedBy && <span className="muted"> — {m.recordedBy.displayName}</span>}
        </li>
      ))}
    </ol>
  );
}

/** The ledger closed below its total (quyết toán): when, what will not be paid, why and by whom. */
export function SettlementNote({ settlement }: { settlement: Schemas['SettlementDto'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <div className="settlement-note" role="note">
      <strong>{t('detail.settlement', { date: formatPlainDate(settlement.date), amount: formatVnd(settlement.waived, lang) })}</strong>
      <div>
        {t('detail.settlementReason')}: {settlement.reason}
      </div>
      <div className="muted">{t('detail.settlementBy', { name: settlement.by.displayName })}</div>
    </div>
  );
}
