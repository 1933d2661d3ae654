import { PrinterOutlined } from '@ant-design/icons';
import { checkContributionDate, CONTRIBUTION_METHODS, DONOR_KINDS } from '@lienthong/domain';
import { type MessageCode, translate } from '@lienthong/i18n';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { VndInput } from '../components/VndInput';
import { errorMessage } from '../lib/errors';
import { formatVnd, todayInVietnam } from '../lib/format';
import { isPositiveVnd } from '../lib/money';
import { openReceipt, receiptPath } from './campaign-queries';
import { DateField } from './DateField';

const NAME_MAX = 200;
const NOTE_MAX = 2000;
/** antd names inputs `<form name>_<field>`: the amount's id, to put the cursor back there after each save. */
const FORM_NAME = 'entry';
const AMOUNT_ID = `${FORM_NAME}_amount`;

type DonorKind = (typeof DONOR_KINDS)[number];
type Method = (typeof CONTRIBUTION_METHODS)[number];
interface Values {
  unitId: string;
  amount?: number;
  kind: DonorKind;
  name?: string;
  /** The donor agreed to be named in the public disclosure. */
  publicName?: boolean;
  method: Method;
  date: string;
  note?: string;
}

interface Props {
  campaign: Pick<Schemas['CampaignDetailDto'], 'id' | 'startDate' | 'endDate'>;
  /** The units of the campaign where the user records (officer/chair there). */
  units: { id: string; name: string }[];
  onSubmit: (body: Schemas['RecordContributionDto']) => Promise<Schemas['ContributionDto']>;
  onUnitChange?: (unitId: string) => void;
  now?: () => number;
}

/**
 * Fast entry at a collection table, keyboard only: the cursor starts in the amount (grouped as typed),
 * Tab goes through donor kind, name, method, date and note, Enter saves from any field, and after each
 * save the receipt number shows with its "In biên nhận" link while the cursor is back in the amount for
 * the next gift (kind, method, date and unit stay). The date defaults to today in Vietnam; the date
 * rule is the API's own (`checkContributionDate`), in the API's words.
 */
export function ContributionForm({ campaign, units, onSubmit, onUnitChange, now = Date.now }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<Schemas['ContributionDto'] | null>(null);
  const kind = Form.useWatch('kind', form) as DonorKind | undefined;
  const e = (key: string, options?: Record<string, unknown>) => t(`campaigns.entry.${key}`, options);
  const today = todayInVietnam(new Date(now()));
  const maxDate = campaign.endDate < today ? campaign.endDate : today;

  const focusAmount = () => document.getElementById(AMOUNT_ID)?.focus();

  const send = async (v: Values) => {
    const name = v.kind === 'anonymous' ? undefined : v.name?.trim();
    const body: Schemas['RecordContributionDto'] = {
      unitId: v.unitId,
      amount: v.amount!,
      donor: name ? { kind: v.kind, name, ...(v.publicName ? { publicName: true } : {}) } : { kind: v.kind },
      date: v.date,
      method: v.method,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    setSaving(true);
    setError(null);
    try {
      const saved = await onSubmit(body);
      setLast(saved);
      // Cleared in place (resetFields would remount the inputs and lose the cursor).
      form.setFieldsValue({ amount: undefined, name: undefined, note: undefined });
      setTimeout(focusAmount);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setSaving(false);
    }
  };

  const print = async (contributionId: string) => {
    try {
      await openReceipt(campaign.id, contributionId, lang);
    } catch (err) {
      void message.error(e('receiptUnavailable', { reason: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <Form<Values>
      form={form}
      name={FORM_NAME}
      layout="vertical"
      className="case-form entry-form"
      initialValues={{ unitId: units[0]?.id, kind: 'member', method: 'cash', date: maxDate }}
      onFinish={send}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.unitId) onUnitChange?.(changed.unitId);
        if (changed.kind === 'anonymous') form.setFieldsValue({ name: undefined, publicName: false });
      }}
    >
      <p className="field-help">{e('keyboardHint')}</p>
      {units.length > 1 ? (
        <Form.Item label={e('unit')} name="unitId">
          <Select options={units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      ) : (
        <Form.Item name="unitId" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item
        label={e('amount')}
        name="amount"
        required
        rules={[
          {
            validator: async (_, v: number | undefined) => {
              if (v === undefined) throw new Error(e('amountRequired'));
              if (!isPositiveVnd(v)) throw new Error(e('amountInvalid'));
            },
          },
        ]}
      >
        <VndInput autoFocus />
      </Form.Item>
      <Form.Item label={e('donorKind')} name="kind">
        <Radio.Group optionType="button" options={DONOR_KINDS.map((k) => ({ value: k, label: e(`kind.${k}`) }))} className="choice-group" />
      </Form.Item>
      <Form.Item
        label={e('name')}
        name="name"
        required={kind !== 'anonymous'}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              if (form.getFieldValue('kind') === 'anonymous') return;
              const value = v?.trim() ?? '';
              if (!value) throw new Error(e('nameRequired'));
              if (value.length > NAME_MAX) throw new Error(e('nameTooLong', { max: NAME_MAX }));
            },
          },
        ]}
        dependencies={['kind']}
      >
        <Input maxLength={NAME_MAX} autoComplete="off" disabled={kind === 'anonymous'} />
      </Form.Item>
      <Form.Item name="publicName" valuePropName="checked">
        <Checkbox disabled={kind === 'anonymous'}>{e('publicName')}</Checkbox>
      </Form.Item>
      <Form.Item label={e('method')} name="method">
        <Radio.Group optionType="button" options={CONTRIBUTION_METHODS.map((m) => ({ value: m, label: e(`methods.${m}`) }))} className="choice-group" />
      </Form.Item>
      <Form.Item
        label={e('date')}
        name="date"
        required
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              if (!v) throw new Error(e('dateRequired'));
              const violation = checkContributionDate(v, campaign, now());
              if (violation) throw new Error(translate(violation.code as MessageCode, lang, violation.params));
            },
          },
        ]}
      >
        <DateField />
      </Form.Item>
      <Form.Item label={`${e('note')} ${t('common.optional')}`} name="note">
        <Input maxLength={NOTE_MAX} autoComplete="off" />
      </Form.Item>
      {error && <Alert type="error" showIcon role="alert" message={error} className="block-gap" />}
      <Button type="primary" htmlType="submit" size="large" block loading={saving}>
        {e('submit')}
      </Button>
      <div aria-live="polite" className="entry-saved">
        {last && (
          <Alert
            type="success"
            showIcon
            message={e('saved', { receiptNo: last.receiptNo, amount: formatVnd(last.amount, lang) })}
            description={
              <Button
                href={receiptPath(campaign.id, last.id)}
                icon={<PrinterOutlined aria-hidden />}
                className="receipt-link"
                onClick={(event) => {
                  event.preventDefault();
                  void print(last.id);
                }}
              >
                {e('print')}
              </Button>
            }
          />
        )}
      </div>
    </Form>
  );
}
