import type { CampaignExtensionPayload } from '@lienthong/processes';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../lib/format';
import type { PayloadViewProps } from '../types';

/** An extension request: which campaign, until when, and why. */
export function CampaignExtensionPayloadView({ payload: p }: PayloadViewProps<CampaignExtensionPayload>) {
  const { t } = useTranslation();
  const d = (key: string) => t(`processes.campaign-extension.detail.${key}`);
  const items = [
    {
      key: 'campaign',
      label: d('campaign'),
      // The campaign's own screens link here; its code and title say which one it is.
      children: `${p.campaignCode} · ${p.campaignTitle}`,
    },
    { key: 'endDate', label: d('endDate'), children: p.endDate ? formatPlainDate(p.endDate) : t('common.none') },
    { key: 'until', label: d('until'), children: <strong>{p.until ? formatPlainDate(p.until) : t('common.none')}</strong> },
    { key: 'reason', label: d('reason'), children: <span className="pre-line">{p.reason}</span> },
  ];
  return <Descriptions column={1} items={items} size="small" bordered layout="vertical" className="payload" />;
}
