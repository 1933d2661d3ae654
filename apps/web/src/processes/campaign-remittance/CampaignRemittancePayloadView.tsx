import type { CampaignRemittancePayload } from '@lienthong/processes';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPlainDate, formatVnd } from '../../lib/format';
import type { PayloadViewProps } from '../types';

/** A remittance to confirm: which campaign, how much, when, with what reference. */
export function CampaignRemittancePayloadView({ payload: p }: PayloadViewProps<CampaignRemittancePayload>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const d = (key: string) => t(`processes.campaign-remittance.detail.${key}`);
  const items = [
    {
      key: 'campaign',
      label: d('campaign'),
      // The campaign's own screens link here; its code and title say which one it is.
      children: `${p.campaignCode} · ${p.campaignTitle}`,
    },
    { key: 'amount', label: d('amount'), children: <strong>{formatVnd(p.amount ?? 0, lang)}</strong> },
    { key: 'date', label: d('date'), children: p.date ? formatPlainDate(p.date) : t('common.none') },
    ...(p.reference ? [{ key: 'reference', label: d('reference'), children: p.reference }] : []),
  ];
  return <Descriptions column={1} items={items} size="small" bordered layout="vertical" className="payload" />;
}
