import { Alert, App, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useCreateCase } from '../api/queries';
import { useSession } from '../auth/RequireSession';
import { errorMessage } from '../lib/errors';
import { processName, processText } from '../processes/process-texts';
import { startableProcesses, startUnits, webProcess } from '../processes/registry';
import type { CaseDraft } from '../processes/types';

/**
 * Lập hồ sơ mới: the processes the user may start at one of their units (`/cases/new`), then the
 * chosen process's own form (`/cases/new/<process>`). With only one to choose, straight to its form.
 */
export function NewCasePage() {
  const { processType } = useParams();
  const { t } = useTranslation();
  const session = useSession()!;
  const startable = startableProcesses(session.user);

  if (!processType) {
    if (startable.length === 1) return <Navigate to={`/cases/new/${startable[0].process.processType}`} replace />;
    return (
      <section aria-labelledby="new-case-title" className="narrow">
        <Typography.Title level={1} id="new-case-title">
          {t('form.newTitle')}
        </Typography.Title>
        {startable.length === 0 ? (
          <Alert type="info" showIcon message={t('form.noProcess')} />
        ) : (
          <>
            <Typography.Paragraph>{t('form.chooseProcess')}</Typography.Paragraph>
            <ul className="process-choices">
              {startable.map(({ process }) => (
                <li key={process.processType}>
                  <Link to={`/cases/new/${process.processType}`} className="process-choice">
                    <span className="process-choice-name">{processName(t, process.processType)}</span>
                    <span>{processText(t, process.processType, 'intro')}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    );
  }
  return <NewCaseForm key={processType} processType={processType} />;
}

function NewCaseForm({ processType }: { processType: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession()!;
  const create = useCreateCase();
  const [error, setError] = useState<string | null>(null);
  const process = webProcess(processType);
  const units = process ? startUnits(session.user, process) : [];
  const others = startableProcesses(session.user).length > 1;

  const submit = async (draft: CaseDraft<unknown>) => {
    setError(null);
    try {
      const created = await create.mutateAsync({
        // Only processes with a form get here, and those are the API's to open (`startUnits`).
        processType: process!.processType as Parameters<typeof create.mutateAsync>[0]['processType'],
        unitId: draft.unitId,
        title: draft.title,
        payload: draft.payload as Parameters<typeof create.mutateAsync>[0]['payload'],
      });
      void message.success(t('action.done.created'));
      navigate(`/cases/${created.id}`);
    } catch (err) {
      setError(errorMessage(err, t));
      throw err;
    }
  };

  return (
    <section aria-labelledby="new-case-title" className="narrow">
      <Typography.Title level={1} id="new-case-title">
        {process ? processText(t, processType, 'newTitle') : t('form.newTitle')}
      </Typography.Title>
      {process && <Typography.Paragraph>{processText(t, processType, 'intro')}</Typography.Paragraph>}
      {!process ? (
        <Alert type="info" showIcon message={t('form.unknownProcess')} />
      ) : units.length === 0 || !process.Form ? (
        <Alert type="info" showIcon message={t('form.noUnit')} />
      ) : (
        <Card>
          <process.Form units={units} error={error} onSubmit={submit} />
        </Card>
      )}
      {others && (
        <p className="block-gap">
          <Link to="/cases/new" className="block-link">
            {t('form.otherProcesses')}
          </Link>
        </p>
      )}
    </section>
  );
}
