import { Alert, App, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateCase } from '../api/queries';
import { useSession } from '../auth/RequireSession';
import { branchMemberships } from '../housing/branches';
import { HousingForm } from '../housing/HousingForm';
import { toPayload } from '../housing/payload';
import { errorMessage } from '../lib/errors';

/** Lập hồ sơ mới: a housing-support case from one of the user's branches. */
export function NewCasePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession()!;
  const create = useCreateCase();
  const [error, setError] = useState<string | null>(null);
  const branches = branchMemberships(session.user).map((m) => ({ id: m.unit.id, name: m.unit.name }));

  return (
    <section aria-labelledby="new-case-title" className="narrow">
      <Typography.Title level={1} id="new-case-title">
        {t('form.newTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('form.intro')}</Typography.Paragraph>
      {branches.length === 0 ? (
        <Alert type="info" showIcon message={t('form.noBranch')} />
      ) : (
        <Card>
          <HousingForm
            branches={branches}
            error={error}
            onSubmit={async (values) => {
              setError(null);
              try {
                const created = await create.mutateAsync({
                  processType: 'housing-support',
                  unitId: values.unitId,
                  title: values.title.trim(),
                  payload: { ...toPayload(values) },
                });
                void message.success(t('action.done.created'));
                navigate(`/cases/${created.id}`);
              } catch (err) {
                setError(errorMessage(err, t));
                throw err;
              }
            }}
          />
        </Card>
      )}
    </section>
  );
}
