import { ClockCircleOutlined, EditOutlined, RocketOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Progress, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/RequireSession';
import { LoadError } from '../components/PageState';
import { errorMessage } from '../lib/errors';
import { formatDateTime, formatPlainDate, formatVnd } from '../lib/format';
import { CampaignStatusTag, DaysTag } from './CampaignBits';
import { barPercent, flattenTree, holdingsOf, officerUnitIds, percentText } from './campaign-format';
import { type CampaignDetail, type ProgressNode, useCampaign, useCampaignLifecycle, useProgress, useRemit, useRequestExtension, useSetQuota } from './campaign-queries';
import { ProgressTree } from './ProgressTree';
import { useReasonDialog } from './ReasonDialog';
import { TotalChart } from './TotalChart';
import { ExtensionDialog, RemitDialog, type RequestUnit } from './UnitRequestDialogs';

type Lang = 'vi' | 'en';

/**
 * One campaign: the target, the total and its bar, days left, what the user may do (launch, cancel,
 * record entries), the total over time, the tree of units (quotas set in place by the parent's
 * officers), the facts and the timeline.
 */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const session = useSession()!;
  const campaign = useCampaign(id);
  const progress = useProgress(id);

  if (campaign.isPending) {
    return (
      <div aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton active title paragraph={{ rows: 2 }} />
        <Card className="block-gap">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </div>
    );
  }
  if (campaign.isError) return <LoadError error={campaign.error} retry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const mine = officerUnitIds(session.user);
  const nodes = progress.data ? flattenTree(progress.data) : [];
  // Where the user acts in this campaign: the launching unit if theirs, else their highest unit in it.
  const myNode = nodes.find(({ node }) => mine.has(node.unit.id))?.node;
  // Where the user may remit or ask for more time: their units below the launching unit, each with what it holds.
  const requestUnits: RequestUnit[] = nodes
    .filter(({ node, parentId }) => parentId !== null && mine.has(node.unit.id))
    .map(({ node }) => ({ id: node.unit.id, name: node.unit.name, holds: holdingsOf(node) }));

  return (
    <article aria-labelledby="campaign-title" className="case-detail campaign-detail">
      <Typography.Title level={1} id="campaign-title">
        {c.title}
      </Typography.Title>
      <Space wrap className="block-gap">
        <CampaignStatusTag status={c.status} />
        <DaysTag c={c} />
        <Tag>{c.code}</Tag>
      </Space>

      <div className="detail-grid">
        <div className="detail-main">
          <TotalsCard c={c} lang={lang} requestUnits={requestUnits} />
          <Card title={t('campaigns.detail.tree')} className="block-gap" size="small">
            <p className="muted">{t('campaigns.detail.treeIntro')}</p>
            {progress.isPending ? (
              <Skeleton active paragraph={{ rows: 4 }} />
            ) : progress.isError ? (
              <LoadError error={progress.error} retry={() => void progress.refetch()} />
            ) : (
              <TreeWithQuotas c={c} root={progress.data} quotaSetterUnits={c.allowedActions.includes('setQuota') ? mine : new Set()} />
            )}
          </Card>
        </div>
        <div className="detail-side">
          {c.allowedActions.includes('viewContributions') && myNode && (
            <Card title={t('campaigns.detail.chart')} className="block-gap" size="small">
              <TotalChart campaign={c} unit={myNode.unit} />
            </Card>
          )}
          <FactsCard c={c} lang={lang} />
          <TimelineCard c={c} lang={lang} nodes={nodes.map((n) => n.node)} />
        </div>
      </div>
    </article>
  );
}

function TotalsCard({ c, lang, requestUnits }: { c: CampaignDetail; lang: Lang; requestUnits: RequestUnit[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const lifecycle = useCampaignLifecycle(c.id);
  const askReason = useReasonDialog();
  const remit = useRemit(c.id);
  const requestExtension = useRequestExtension(c.id);
  const [dialog, setDialog] = useState<'remit' | 'extension' | null>(null);
  const percent = percentText(c.percent, t, lang);
  const summary = t('campaigns.detail.summary', { collected: formatVnd(c.collected, lang), target: formatVnd(c.target, lang), percent });

  const launch = () =>
    modal.confirm({
      title: t('campaigns.detail.launch'),
      content: t('campaigns.detail.launchQuestion', { title: c.title }),
      okText: t('campaigns.detail.launchConfirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await lifecycle.mutateAsync({ kind: 'launch' });
          void message.success(t('campaigns.detail.launched'));
        } catch (e) {
          void message.error(errorMessage(e, t));
        }
      },
    });
  const cancel = () =>
    askReason({
      title: t('campaigns.detail.cancel'),
      question: t('campaigns.detail.cancelQuestion', { title: c.title }),
      label: t('campaigns.detail.reason'),
      okText: t('campaigns.detail.cancelConfirm'),
      onOk: async (reason) => {
        await lifecycle.mutateAsync({ kind: 'cancel', reason });
        void message.success(t('campaigns.detail.cancelled'));
      },
    });

  const actions = c.allowedActions;
  // The buttons need a unit to act for; the tree (progress) names them.
  const canRemit = actions.includes('remit') && requestUnits.length > 0;
  const canExtend = actions.includes('requestExtension') && requestUnits.length > 0;
  return (
    <Card className="block-gap campaign-totals" size="small">
      <dl className="campaign-figures">
        <div>
          <dt>{t('campaigns.detail.target')}</dt>
          <dd className="campaign-target">{formatVnd(c.target, lang)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.detail.collected')}</dt>
          <dd className="campaign-collected">{formatVnd(c.collected, lang)}</dd>
        </div>
        <div>
          <dt id="campaign-progress-label">{t('campaigns.detail.progressLabel')}</dt>
          <dd className="campaign-percent">{percent}</dd>
        </div>
      </dl>
      <Progress percent={barPercent(c.percent)} showInfo={false} aria-labelledby="campaign-progress-label" aria-valuetext={summary} strokeColor="#1e6b34" size={['100%', 14]} />
      <p className="campaign-summary">{summary}</p>
      {(actions.includes('launch') || actions.includes('cancel') || actions.includes('contribute') || canRemit || canExtend) && (
        <div className="action-buttons">
          {actions.includes('contribute') && (
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/campaigns/${c.id}/entries`)}>
              {t('campaigns.detail.record')}
            </Button>
          )}
          {canRemit && (
            <Button icon={<SendOutlined aria-hidden />} onClick={() => setDialog('remit')}>
              {t('campaigns.request.remit')}
            </Button>
          )}
          {canExtend && (
            <Button icon={<ClockCircleOutlined aria-hidden />} onClick={() => setDialog('extension')}>
              {t('campaigns.request.extend')}
            </Button>
          )}
          {actions.includes('launch') && (
            <Button type="primary" icon={<RocketOutlined aria-hidden />} onClick={launch}>
              {t('campaigns.detail.launch')}
            </Button>
          )}
          {actions.includes('cancel') && (
            <Button danger icon={<StopOutlined aria-hidden />} onClick={cancel}>
              {t('campaigns.detail.cancel')}
            </Button>
          )}
        </div>
      )}
      {canRemit && (
        <RemitDialog open={dialog === 'remit'} campaign={c} units={requestUnits} onSubmit={(body) => remit.mutateAsync(body)} onClose={() => setDialog(null)} />
      )}
      {canExtend && (
        <ExtensionDialog
          open={dialog === 'extension'}
          campaign={c}
          units={requestUnits}
          onSubmit={(body) => requestExtension.mutateAsync(body)}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}

function TreeWithQuotas({ c, root, quotaSetterUnits }: { c: CampaignDetail; root: ProgressNode; quotaSetterUnits: Set<string> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setQuota = useSetQuota(c.id);
  const names = new Map(flattenTree(root).map(({ node }) => [node.unit.id, node.unit.name]));
  return (
    <ProgressTree
      root={root}
      quotaSetterUnits={quotaSetterUnits}
      onSaveQuota={async (unitId, amount) => {
        await setQuota.mutateAsync({ unitId, amount });
        void message.success(t('campaigns.detail.quotaSaved', { unit: names.get(unitId) ?? '' }));
      }}
    />
  );
}

function FactsCard({ c, lang }: { c: CampaignDetail; lang: Lang }) {
  const { t } = useTranslation();
  const d = (key: string) => t(`campaigns.detail.${key}`);
  const items = [
    { key: 'fund', label: d('fund'), children: c.fundName },
    { key: 'purpose', label: d('purpose'), children: <span className="pre-line">{c.purpose}</span> },
    { key: 'period', label: d('period'), children: t('campaigns.list.period', { start: formatPlainDate(c.startDate), end: formatPlainDate(c.endDate) }) },
    ...(c.suggestion !== null ? [{ key: 'suggestion', label: d('suggestion'), children: formatVnd(c.suggestion, lang) }] : []),
    { key: 'unit', label: d('launchingUnit'), children: c.unit.name },
    { key: 'entries', label: d('entries'), children: String(c.entries) },
    { key: 'createdBy', label: d('createdBy'), children: c.createdBy.displayName },
  ];
  return (
    <Card className="block-gap" size="small">
      <Descriptions column={1} items={items} size="small" bordered layout="vertical" className="payload" />
    </Card>
  );
}

function TimelineCard({ c, lang, nodes }: { c: CampaignDetail; lang: Lang; nodes: ProgressNode[] }) {
  const { t } = useTranslation();
  const unitName = (unitId: string | null) => nodes.find((n) => n.unit.id === unitId)?.unit.name ?? (unitId === c.unit.id ? c.unit.name : '');
  const amount = (v: unknown) => (typeof v === 'number' ? formatVnd(v, lang) : '');
  const describe = (e: CampaignDetail['timeline'][number]): string => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    switch (e.action) {
      case 'quota_set':
        return data.previous == null
          ? t('campaigns.event.quota_set', { unit: unitName(e.unitId), amount: amount(data.amount) })
          : t('campaigns.event.quota_changed', { unit: unitName(e.unitId), amount: amount(data.amount), previous: amount(data.previous) });
      case 'reminded':
        return t('campaigns.event.reminded', { count: data.daysLeft });
      case 'closed':
        return t('campaigns.event.closed', { amount: amount(data.collected) });
      case 'reversal':
        return t('campaigns.event.reversal', { receiptNo: data.receiptNo, unit: unitName(e.unitId), amount: amount(data.amount) });
      default:
        // Remittances and extensions: who, how much, until when.
        return t(`campaigns.event.${e.action}`, {
          unit: unitName(e.unitId),
          amount: amount(data.amount),
          until: typeof data.until === 'string' ? formatPlainDate(data.until) : '',
        });
    }
  };
  return (
    <Card title={t('campaigns.detail.timeline')} className="block-gap" size="small">
      <Timeline
        className="case-timeline"
        items={[...c.timeline].reverse().map((e) => ({
          key: e.seq,
          children: (
            <div className="timeline-event">
              <strong>{describe(e)}</strong>
              <span className="muted"> — {e.actor?.displayName ?? t('campaigns.event.system')}</span>
              {e.comment && <p className="timeline-comment">{e.comment}</p>}
              <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
