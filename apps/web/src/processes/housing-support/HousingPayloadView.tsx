import type { HousingSupportPayload } from '@lienthong/processes';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../lib/format';
import type { PayloadViewProps } from '../types';

/** The housing request as a form officers know, not as JSON. */
export function HousingPayloadView({ payload: p }: PayloadViewProps<HousingSupportPayload>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const d = (key: string) => t(`processes.housing-support.detail.${key}`);
  const vnd = (n: number | null | undefined) => (n === null || n === undefined ? t('common.none') : formatVnd(n, lang));
  const items = [
    { key: 'name', label: d('name'), children: p.beneficiary?.name },
    { key: 'address', label: d('address'), children: p.beneficiary?.address },
    ...(p.beneficiary?.phone ? [{ key: 'phone', label: d('phone'), children: p.beneficiary.phone }] : []),
    { key: 'situation', label: d('situation'), children: <span className="pre-line">{p.situation}</span> },
    { key: 'kind', label: d('kind'), children: t(`processes.housing-support.kind.${p.kind}`, { defaultValue: p.kind }) },
    { key: 'estimatedCost', label: d('estimatedCost'), children: vnd(p.estimatedCost) },
    { key: 'requestedAmount', label: d('requestedAmount'), children: <strong>{vnd(p.requestedAmount)}</strong> },
    {
      key: 'otherFunding',
      label: d('otherFunding'),
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
  ];
  return <Descriptions column={1} items={items} size="small" bordered layout="vertical" className="payload" />;
}
