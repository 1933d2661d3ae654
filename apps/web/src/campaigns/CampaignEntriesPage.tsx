import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/RequireSession';
import { LoadError } from '../components/PageState';
import { CampaignStatusTag, DaysTag } from './CampaignBits';
import { flattenTree, officerUnitIds } from './campaign-format';
import { useCampaign, useProgress, useRecordContribution } from './campaign-queries';
import { ContributionForm } from './ContributionForm';
import { ContributionList } from './ContributionList';

/**
 * Ghi nhận đóng góp: a branch (or any unit's) officer's desk for one campaign — the fast entry form,
 * then the unit's own entries with their reversals. Offered where the user is officer or chair of a
 * unit of the campaign.
 */
export function CampaignEntriesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession()!;
  const campaign = useCampaign(id);
  const progress = useProgress(id);
  const record = useRecordContribution(id);
  const [chosen, setChosen] = useState<string | undefined>();

  if (campaign.isPending || progress.isPending) return <Skeleton active title paragraph={{ rows: 6 }} />;
  if (campaign.isError) return <LoadError error={campaign.error} retry={() => void campaign.refetch()} />;
  if (progress.isError) return <LoadError error={progress.error} retry={() => void progress.refetch()} />;
  const c = campaign.data;
  const mine = officerUnitIds(session.user);
  // The user's units in this campaign, the lowest level first: a branch officer records at their branch.
  const units = flattenTree(progress.data)
    .filter(({ node }) => mine.has(node.unit.id))
    .sort((a, b) => b.depth - a.depth)
    .map(({ node }) => ({ id: node.unit.id, name: node.unit.name }));
  const unit = units.find((u) => u.id === chosen) ?? units[0];
  const takesEntries = c.allowedActions.includes('contribute');

  return (
    <section aria-labelledby="entries-title" className="narrow">
      <Link to={`/campaigns/${c.id}`} className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('campaigns.entry.back')}
      </Link>
      <Typography.Title level={1} id="entries-title">
        {t('campaigns.entry.title')}
      </Typography.Title>
      <p className="campaign-subtitle">{c.title}</p>
      <Space wrap className="block-gap">
        <CampaignStatusTag status={c.status} />
        <DaysTag c={c} />
      </Space>
      {takesEntries && units.length > 0 ? (
        <Card size="small" className="block-gap">
          <ContributionForm campaign={c} units={units} onSubmit={(body) => record.mutateAsync(body)} onUnitChange={setChosen} />
        </Card>
      ) : (
        <Alert type="info" showIcon message={t('campaigns.entry.closedHint')} className="block-gap" />
      )}
      {unit && <ContributionList campaignId={c.id} unit={unit} canReverse={(entry) => takesEntries && mine.has(entry.unitId)} />}
    </section>
  );
}
