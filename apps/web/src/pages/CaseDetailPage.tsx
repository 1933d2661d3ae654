import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Descriptions, Progress, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Schemas } from '../api/client';
import { useCase } from '../api/queries';
import { DueTag, StatusTag } from '../components/CaseBits';
import { LoadError } from '../components/PageState';
import type { HousingPayload } from '../housing/payload';
import { formatDate, formatDateTime, formatPlainDate, formatVnd } from '../lib/format';
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
        <Tag>{t(`process.${c.processType}`, { defaultValue: c.processType })}</Tag>
      </Space>

      <div className="detail-grid">
        <div className="detail-main">
          <CurrentStep c={c} lang={lang} />
          <CaseActions c={c} />
          <PayloadView c={c} lang={lang} />
          {c.execution && <ExecutionView execution={c.execution} ledger={c.ledger} lang={lang} />}
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

/** The housing payload as a form officers know, not as JSON. */
function PayloadView({ c, lang }: { c: Detail; lang: Lang }) {
  const { t } = useTranslation();
  const p = c.payload as unknown as HousingPayload;
  const vnd = (n: number | null | undefined) => (n === null || n === undefined ? t('common.none') : formatVnd(n, lang));
  const items = [
    { key: 'name', label: t('detail.name'), children: p.beneficiary?.name },
    { key: 'address', label: t('detail.address'), children: p.beneficiary?.address },
    ...(p.beneficiary?.phone ? [{ key: 'phone', label: t('detail.phone'), children: p.beneficiary.phone }] : []),
    { key: 'situation', label: t('detail.situation'), children: <span className="pre-line">{p.situation}</span> },
    { key: 'kind', label: t('detail.kind'), children: t(`kind.${p.kind}`, { defaultValue: p.kind }) },
    { key: 'estimatedCost', label: t('detail.estimatedCost'), children: vnd(p.estimatedCost) },
    { key: 'requestedAmount', label: t('detail.requestedAmount'), children: <strong>{vnd(p.requestedAmount)}</strong> },
    {
      key: 'otherFunding',
      label: t('detail.otherFunding'),
      children: p.otherFunding?.length ? (
        <ul className="plain-list">
          {p.otherFunding.map((f, i) => (
            <li key={i}>
              {f.source}: {vnd(f.amount)}
            </li>
          ))}
        </ul>
      ) : (
        t('common.none')
      ),
    },
    ...(c.approvedAmount !== null
      ? [
          { key: 'approvedAmount', label: t('detail.approvedAmount'), children: <strong>{vnd(c.approvedAmount)}</strong> },
          { key: 'fundingSource', label: t('detail.fundingSource'), children: c.fundingSource },
        ]
      : []),
    { key: 'originUnit', label: t('detail.originUnit'), children: c.originUnit.name },
    { key: 'createdBy', label: t('detail.createdBy'), children: c.createdBy.displayName },
    { key: 'createdAt', label: t('detail.createdAt'), children: formatDate(c.createdAt, lang) },
  ];
  return (
    <Card title={t('detail.summary')} className="block-gap" size="small">
      <Descriptions column={1} items={items} size="small" bordered layout="vertical" className="payload" />
    </Card>
  );
}

function ExecutionView({ execution, ledger, lang }: { execution: Schemas['ExecutionDto']; ledger: Detail['ledger']; lang: Lang }) {
  const { t } = useTranslation();
  const percent = execution.cap ? Math.round((execution.disbursed / execution.cap) * 100) : 0;
  const disbursedText = t('detail.disbursed', {
    disbursed: formatVnd(execution.disbursed, lang),
    cap: execution.cap === null ? t('common.none') : formatVnd(execution.cap, lang),
  });
  return (
    <Card title={t('detail.execution')} className="block-gap" size="small">
      <Typography.Text strong id="disbursed-label">
        {t('detail.disbursedLabel')}
      </Typography.Text>
      <Progress percent={percent} aria-labelledby="disbursed-label" aria-valuetext={disbursedText} strokeColor="#1e6b34" />
      <p>
        {disbursedText}
        {execution.remaining !== null && ` · ${t('detail.remaining', { amount: formatVnd(execution.remaining, lang) })}`}
      </p>

      <Typography.Title level={2} className="card-subtitle">
        {t('detail.milestones')}
      </Typography.Title>
      <ol className="milestones">
        {execution.milestones.map((m) => (
          <li key={m.kind} className={m.date ? 'milestone-done' : undefined}>
            <strong>{t(`milestone.${m.kind}`, { defaultValue: m.kind })}</strong>{' '}
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

      <Typography.Title level={2} className="card-subtitle">
        {t('detail.ledger')}
      </Typography.Title>
      {ledger.length === 0 ? (
        <p>{t('detail.noLedger')}</p>
      ) : (
        // A list, not a table: four columns do not fit a 360 px phone.
        <ul className="ledger">
          {ledger.map((entry) => (
            <li key={entry.seq}>
              <strong>{formatVnd(entry.amount, lang)}</strong> — {formatPlainDate(entry.date)}
              {entry.note && ` — ${entry.note}`}
              {entry.recordedBy && <span className="muted"> ({entry.recordedBy.displayName})</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
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
};

/** Every event, oldest first: what, who, at which level and unit, when, and the comment. */
function TimelineView({ c, lang }: { c: Detail; lang: Lang }) {
  const { t } = useTranslation();
  const describe = (e: Schemas['TimelineEventDto']): string => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    switch (e.action) {
      case 'milestone':
      case 'milestone_overdue':
        return typeof data.kind === 'string'
          ? t(`event.${e.action}`, { kind: t(`milestone.${data.kind}`, { defaultValue: data.kind }) })
          : t('event.milestoneUnknown');
      case 'disbursement':
        return t('event.disbursement', { amount: typeof data.amount === 'number' ? formatVnd(data.amount, lang) : '' });
      default:
        return t(`event.${e.action}`);
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
