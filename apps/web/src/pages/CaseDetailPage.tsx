import { Card, Descriptions, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Schemas } from '../api/client';
import { useCase } from '../api/queries';
import { DueTag, StatusTag } from '../components/CaseBits';
import { LoadError } from '../components/PageState';
import { formatDate, formatDateTime, formatVnd } from '../lib/format';
import { GenericExecutionView } from '../processes/GenericExecutionView';
import { GenericPayloadView } from '../processes/GenericPayloadView';
import { milestoneName, processName, processText } from '../processes/process-texts';
import { webProcess } from '../processes/registry';
import { CaseActions } from './case/CaseActions';

type Detail = Schemas['CaseDetailDto'];
type Lang = 'vi' | 'en';

/** One case: where it stands, what the user may do now, what was asked, and everything that happened. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const query = useCase(id);

  if (query.isPending) {
    return (
      <div aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton active title paragraph={{ rows: 2 }} />
        <Card className="block-gap">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </div>
    );
  }
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  const c = query.data;

  return (
    <article aria-labelledby="case-title" className="case-detail">
      <Typography.Title level={1} id="case-title">
        {c.title}
      </Typography.Title>
      <Space wrap className="block-gap">
        <StatusTag status={c.status} />
        <Tag>{processName(t, c.processType)}</Tag>
      </Space>

      <div className="detail-grid">
        <div className="detail-main">
          <CurrentStep c={c} lang={lang} />
          <CaseActions c={c} />
          <SummaryCard c={c} lang={lang} />
          {c.execution && <ExecutionCard c={c} />}
        </div>
        <div className="detail-side">
          <ChainView c={c} lang={lang} />
          <TimelineView c={c} lang={lang} />
        </div>
      </div>
    </article>
  );
}

function CurrentStep({ c, lang }: { c: Detail; lang: Lang }) {
  const { t } = useTranslation();
  const step = c.currentStep;
  return (
    <Card title={t('detail.currentStep')} className="block-gap" size="small">
      {step ? (
        <Space direction="vertical">
          <span>{t('detail.waitingFor', { unit: step.unitName, level: levelName(t, c, step.levelCode) })}</span>
          {c.dueAt && (
            <span>
              {t('detail.deadline')}: <strong>{formatDate(c.dueAt, lang)}</strong>{' '}
              <DueTag dueAt={c.dueAt} overdue={c.overdue} workingDaysLeft={c.chain.find((s) => s.id === step.id)?.workingDaysLeft ?? null} />
            </span>
          )}
        </Space>
      ) : (
        <span>{c.status === 'returned' ? t('detail.returnedHint') : t('detail.noCurrentStep')}</span>
      )}
    </Card>
  );
}

/** The request as its process shows it, then what every case has: the approval's amount and fund, who opened it where and when. */
function SummaryCard({ c, lang }: { c: Detail; lang: Lang }) {
  const { t } = useTranslation();
  const process = webProcess(c.processType);
  const PayloadView = process?.PayloadView ?? GenericPayloadView;
  const facts = [
    ...(c.approvedAmount !== null
      ? [{ key: 'approvedAmount', label: t('detail.approvedAmount'), children: <strong>{formatVnd(c.approvedAmount, lang)}</strong> }]
      : []),
    ...(c.fundingSource ? [{ key: 'fundingSource', label: t('detail.fundingSource'), children: c.fundingSource }] : []),
    { key: 'originUnit', label: t('detail.originUnit'), children: c.originUnit.name },
    { key: 'createdBy', label: t('detail.createdBy'), children: c.createdBy.displayName },
    { key: 'createdAt', label: t('detail.createdAt'), children: formatDate(c.createdAt, lang) },
  ];
  return (
    <Card title={t('detail.summary')} className="block-gap" size="small">
      <PayloadView payload={c.payload} c={c} />
      <Descriptions column={1} items={facts} size="small" bordered layout="vertical" className="payload case-facts" />
    </Card>
  );
}

function ExecutionCard({ c }: { c: Detail }) {
  const View = webProcess(c.processType)?.ExecutionView ?? GenericExecutionView;
  return <View c={c} />;
}

const STEP_STATUS = {
  approved: 'finish',
  pending: 'process',
  returned: 'error',
  rejected: 'error',
  cancelled: 'error',
  upcoming: 'wait',
  not_reached: 'wait',
} as const;

function ChainView({ c, lang }: { c: Detail; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Card title={t('detail.chain')} className="block-gap" size="small">
      <Steps
        direction="vertical"
        size="small"
        items={c.chain.map((s) => ({
          status: STEP_STATUS[s.state],
          title: s.unitName,
          description: (
            <>
              {t(`detail.stepState.${s.state}`)}
              {s.decidedAt && ` · ${formatDate(s.decidedAt, lang)}`}
              {s.decidedBy.length > 0 && ` · ${s.decidedBy.map((p) => p.displayName).join(', ')}`}
            </>
          ),
        }))}
      />
    </Card>
  );
}

function levelName(t: (k: string, o?: Record<string, unknown>) => string, c: Detail, code: string | null): string {
  if (!code) return '';
  return t(`levels.${code}`, { defaultValue: c.chain.find((s) => s.levelCode === code)?.levelName ?? code });
}

function unitName(c: Detail, unitId: string | null): string | undefined {
  if (!unitId) return undefined;
  if (unitId === c.originUnit.id) return c.originUnit.name;
  return c.chain.find((s) => s.unitId === unitId)?.unitName;
}

const EVENT_COLOR: Partial<Record<Schemas['TimelineEventDto']['action'], string>> = {
  approved: 'green',
  rejected: 'red',
  returned: 'orange',
  cancelled: 'gray',
  overdue: 'red',
  escalated: 'red',
  milestone_overdue: 'red',
  repayment_overdue: 'red',
};

/** Every event, oldest first: what, who, at which level and unit, when, and the comment. */
function TimelineView({ c, lang }: { c: Detail; lang: Lang }) {
  const { t } = useTranslation();
  const tx = (key: string, options?: Record<string, unknown>) => processText(t, c.processType, key, options);
  const amount = (v: unknown) => (typeof v === 'number' ? formatVnd(v, lang) : '');
  const describe = (e: Schemas['TimelineEventDto']): string => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    switch (e.action) {
      case 'milestone':
      case 'milestone_overdue':
        return typeof data.kind === 'string' ? tx(`event.${e.action}`, { kind: milestoneName(t, c.processType, data.kind) }) : tx('event.milestoneUnknown');
      case 'disbursement':
      case 'repayment':
        return tx(`event.${e.action}`, { amount: amount(data.amount) });
      case 'settlement':
        return tx('event.settlement', { amount: amount(data.waived) });
      default:
        return tx(`event.${e.action}`);
    }
  };
  return (
    <Card title={t('detail.timeline')} className="block-gap" size="small">
      <Timeline
        className="case-timeline"
        items={c.timeline.map((e) => {
          const data = (e.data ?? {}) as Record<string, unknown>;
          // A (re)submission names the step it entered: the unit it was sent to, not where it was made.
          const sent = e.action === 'submitted' || e.action === 'resubmitted';
          const unit = unitName(c, e.unitId);
          const where = sent
            ? unit && t('event.sentTo', { unit })
            : [levelName(t, c, e.levelCode), unit].filter(Boolean).join(' · ');
          return {
            key: e.seq,
            color: EVENT_COLOR[e.action] ?? '#1f5fbf',
            children: (
              <div className="timeline-event">
                <strong>{describe(e)}</strong>
                <div>
                  {e.actor?.displayName ?? t('event.system')}
                  {where && ` — ${where}`}
                </div>
                {e.action === 'approved' && typeof data.approvedAmount === 'number' && (
                  <div>{t('event.approvedAmount', { amount: formatVnd(data.approvedAmount, lang), source: String(data.fundingSource ?? '') })}</div>
                )}
                {e.comment && <blockquote className="timeline-comment">{e.comment}</blockquote>}
                <time dateTime={e.at} className="muted">
                  {formatDateTime(e.at, lang)}
                </time>
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
