import { checkNewCampaign } from '@lienthong/domain';
import { type MessageCode, translate } from '@lienthong/i18n';
import { Alert, Button, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { VndInput } from '../components/VndInput';
import { todayInVietnam } from '../lib/format';
import { isPositiveVnd } from '../lib/money';
import { DateField } from './DateField';

/** The API's limits (CreateCampaignDto). */
const LIMITS = { title: 300, fundName: 200, purpose: 2000 } as const;

type Values = {
  unitId: string;
  title?: string;
  fundName?: string;
  purpose?: string;
  target?: number;
  startDate?: string;
  endDate?: string;
  suggestion?: number;
  public?: boolean;
};

/** Which field each of the API's date rules (checkNewCampaign, the same function the API runs) is about. */
const RULE_FIELD: Record<string, keyof Values> = {
  'campaign.start_in_past': 'startDate',
  'campaign.end_before_start': 'endDate',
};

interface Props {
  units: { id: string; name: string }[];
  onSubmit: (body: Schemas['CreateCampaignDto']) => Promise<unknown>;
  error?: string | null;
  /** For tests: the clock the date rules read. */
  now?: () => number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new campaign, in draft: the launching unit (asked only when the user is officer/chair of several),
 * title, fund, purpose, target, dates, an optional suggested gift per member and whether the results are
 * public. The rules are the API's own (`checkNewCampaign` from @lienthong/domain, messages from
 * @lienthong/i18n), so the form refuses exactly what the API would, in the same words, before sending.
 */
export function CampaignForm({ units, onSubmit, error, now = Date.now }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const f = (key: string) => t(`campaigns.form.${key}`);
  const lower = (s: string) => (lang === 'vi' ? s.charAt(0).toLocaleLowerCase() + s.slice(1) : s.toLocaleLowerCase());

  const text = (field: 'title' | 'fundName' | 'purpose', label: string) => ({
    required: true,
    validator: async (_: unknown, v: string | undefined) => {
      const value = v?.trim() ?? '';
      if (!value) throw new Error(t('campaigns.form.required', { field: lower(label) }));
      if (value.length > LIMITS[field]) throw new Error(t('campaigns.form.tooLong', { field: label, max: LIMITS[field] }));
    },
  });

  /**
   * The API's date rules on what is entered (target and suggestion are checked by their own fields, so
   * the rule gets a valid target here); a violation about `field` is that field's error.
   */
  const dateRule = (field: 'startDate' | 'endDate') => ({
    validator: async () => {
      const v = form.getFieldsValue(true) as Values;
      if (!v.startDate || !v.endDate || !ISO_DATE.test(v.startDate) || !ISO_DATE.test(v.endDate)) return;
      const violation = checkNewCampaign({ startDate: v.startDate, endDate: v.endDate, target: 1 }, now());
      if (violation && RULE_FIELD[violation.code] === field) throw new Error(translate(violation.code as MessageCode, lang, violation.params));
    },
  });

  const amount = (label: string, optional: boolean) => ({
    required: !optional,
    validator: async (_: unknown, v: number | undefined) => {
      if (v === undefined) {
        if (optional) return;
        throw new Error(t('campaigns.form.required', { field: lower(label) }));
      }
      if (!isPositiveVnd(v)) throw new Error(translate(optional ? 'campaign.suggestion_invalid' : 'campaign.target_invalid', lang));
    },
  });

  const date = (label: string) => ({
    required: true,
    validator: async (_: unknown, v: string | undefined) => {
      if (!v) throw new Error(t('campaigns.form.required', { field: lower(label) }));
      if (!ISO_DATE.test(v) || Number.isNaN(Date.parse(v))) throw new Error(t('campaigns.form.dateInvalid', { field: label }));
    },
  });

  const send = async (v: Values) => {
    setSending(true);
    try {
      await onSubmit({
        unitId: v.unitId,
        title: v.title!.trim(),
        fundName: v.fundName!.trim(),
        purpose: v.purpose!.trim(),
        target: v.target!,
        startDate: v.startDate!,
        endDate: v.endDate!,
        ...(v.suggestion !== undefined ? { suggestion: v.suggestion } : {}),
        public: Boolean(v.public),
      });
    } catch {
      // the page shows the API's refusal
    } finally {
      setSending(false);
    }
  };

  const today = todayInVietnam(new Date(now()));
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="case-form campaign-form"
      initialValues={{ unitId: units[0]?.id, startDate: today, public: false }}
      onFinish={send}
      scrollToFirstError
    >
      {units.length > 1 ? (
        <Form.Item label={f('unit')} name="unitId" rules={[{ required: true, message: t('campaigns.form.required', { field: lower(f('unit')) }) }]}>
          <Select options={units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      ) : (
        <Form.Item name="unitId" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item label={f('name')} name="title" rules={[text('title', f('name'))]}>
        <Input maxLength={LIMITS.title} placeholder={f('namePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item label={f('fundName')} name="fundName" rules={[text('fundName', f('fundName'))]}>
        <Input maxLength={LIMITS.fundName} placeholder={f('fundNamePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item label={f('purpose')} name="purpose" rules={[text('purpose', f('purpose'))]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={LIMITS.purpose} />
      </Form.Item>
      <Form.Item label={f('target')} name="target" rules={[amount(f('target'), false)]}>
        <VndInput />
      </Form.Item>
      <div className="campaign-form-dates">
        <Form.Item label={f('startDate')} name="startDate" rules={[date(f('startDate')), dateRule('startDate')]} dependencies={['endDate']}>
          <DateField />
        </Form.Item>
        <Form.Item label={f('endDate')} name="endDate" rules={[date(f('endDate')), dateRule('endDate')]} dependencies={['startDate']}>
          <DateField />
        </Form.Item>
      </div>
      <Form.Item
        label={`${f('suggestion')} ${t('common.optional')}`}
        name="suggestion"
        extra={f('suggestionHelp')}
        rules={[amount(f('suggestion'), true)]}
      >
        <VndInput />
      </Form.Item>
      <Form.Item name="public" valuePropName="checked">
        <Checkbox>{f('public')}</Checkbox>
      </Form.Item>
      {error && <Alert type="error" showIcon role="alert" message={error} className="block-gap" />}
      <Button type="primary" htmlType="submit" size="large" block loading={sending}>
        {f('submit')}
      </Button>
    </Form>
  );
}
