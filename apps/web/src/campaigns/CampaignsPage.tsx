import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Pagination, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../auth/RequireSession';
import { ListSkeleton, LoadError } from '../components/PageState';
import { CampaignListItem } from './CampaignBits';
import { officerUnitIds } from './campaign-format';
import { useCampaigns } from './campaign-queries';

/** Vận động: the campaigns the user may see (launched at or below their units, or above them once launched), newest first. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const session = useSession()!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const campaigns = useCampaigns(page);
  const canCreate = officerUnitIds(session.user).size > 0;

  return (
    <section aria-labelledby="campaigns-title">
      <div className="page-head">
        <Typography.Title level={1} id="campaigns-title">
          {t('campaigns.list.title')}
        </Typography.Title>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/campaigns/new')}>
            {t('campaigns.list.create')}
          </Button>
        )}
      </div>
      <Typography.Paragraph className="muted">{t('campaigns.list.intro')}</Typography.Paragraph>
      {campaigns.isPending ? (
        <ListSkeleton rows={3} />
      ) : campaigns.isError ? (
        <LoadError error={campaigns.error} retry={() => void campaigns.refetch()} />
      ) : campaigns.data.items.length === 0 ? (
        <Empty description={t('campaigns.list.empty')} />
      ) : (
        <>
          <p className="list-total" aria-live="polite">
            {t('campaigns.list.total', { count: campaigns.data.total })}
          </p>
          <ul className="case-list" aria-labelledby="campaigns-title" aria-busy={campaigns.isFetching}>
            {campaigns.data.items.map((item) => (
              <li key={item.id}>
                <CampaignListItem item={item} />
              </li>
            ))}
          </ul>
          <Pagination
            current={campaigns.data.page}
            pageSize={campaigns.data.pageSize}
            total={campaigns.data.total}
            showSizeChanger={false}
            hideOnSinglePage
            onChange={(p) => setParams(p > 1 ? { page: String(p) } : {})}
            className="pager"
          />
        </>
      )}
    </section>
  );
}
