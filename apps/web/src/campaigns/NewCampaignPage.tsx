import { Alert, App, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/RequireSession';
import { errorMessage } from '../lib/errors';
import { CampaignForm } from './CampaignForm';
import { useCreateCampaign } from './campaign-queries';

/** Tạo cuộc vận động: at a unit where the user is an officer or the chair (any level); it starts as a draft. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession()!;
  const create = useCreateCampaign();
  const [error, setError] = useState<string | null>(null);
  // Highest level first: a ward chair who also sits in a branch launches at the ward most often.
  const units = session.user.memberships
    .filter((m) => m.role === 'officer' || m.role === 'chair')
    .sort((a, b) => b.unit.level.rank - a.unit.level.rank)
    .map((m) => ({ id: m.unit.id, name: m.unit.name }))
    .filter((u, i, all) => all.findIndex((o) => o.id === u.id) === i);

  return (
    <section aria-labelledby="new-campaign-title" className="narrow">
      <Typography.Title level={1} id="new-campaign-title">
        {t('campaigns.form.title')}
      </Typography.Title>
      {units.length === 0 ? (
        <Alert type="info" showIcon message={t('campaigns.form.noUnit')} />
      ) : (
        <CampaignForm
          units={units}
          error={error}
          onSubmit={async (body) => {
            setError(null);
            try {
              const created = await create.mutateAsync(body);
              void message.success(t('campaigns.form.created'));
              navigate(`/campaigns/${created.id}`);
            } catch (e) {
              setError(errorMessage(e, t));
              throw e;
            }
          }}
        />
      )}
    </section>
  );
}
