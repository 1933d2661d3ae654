import { checkExtensionDate, checkRemittanceAmount, checkRemittanceDate, cleanText, isBlankText } from '@lienthong/domain';
import { type MessageCode, translate } from '@lienthong/i18n';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { VndInput } from '../components/VndInput';
import { errorMessage } from '../lib/errors';
import { formatPlainDate, formatVnd, todayInVietnam } from '../lib/format';
import { isPositiveVnd } from '../lib/money';
import { DateField } from './DateField';

const REFERENCE_MAX = 200;
const REASON_MAX = 2000;

type Created = { id: string; caseId: string };
type Lang = 'vi' | 'en';

interface Common<Body> {
  open: boolean;
  campaign: Pick<Schemas['CampaignDetailDto'], 'startDate' | 'endDate'>;
  onSubmit: (body: Body) => Promise<Created>;
  onClose: () => void;
  now?: () => number;
}

/** A unit the user acts at below the launching unit; `holds` is what it may still hand up. */
export interface RequestUnit {
  id: string;
  name: string;
  holds?: number;
}

/** A rule from @lienthong/domain, in the API's own words: the same message the API would answer. */
const ruleError = (violation: { code: string; params?: Record<string, string | number> } | null, lang: Lang) =>
  violation ? new Error(translate(violation.code as MessageCode, lang, violation.params)) : null;

/**
 * The dialog's frame: the form until the API has taken it, then what it opened — a case in the
 * parent's inbox, linked — and a "Đóng" button. A refusal shows in the dialog, in the API's words.
 */
function RequestModal(props: {
  open: boolean;
  title: string;
  submitText: string;
  created: Created | null;
  doneText: string;
  saving: boolean;
  error: string | null;
  formId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        props.created
          ? [
              <Button key="close" type="primary" onClick={props.onClose}>
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="submit" type="primary" htmlType="submit" form={props.formId} loading={props.saving}>
                {props.submitText}
              </Button>,
            ]
      }
    >
      {props.created ? (
        <Alert
          type="success"
          showIcon
          role="status"
          message={props.doneText}
          description={<Link to={`/cases/${props.created.caseId}`}>{t('campaigns.request.openCase')}</Link>}
        />
      ) : (
        <>
          {props.children}
          {props.error && <Alert type="error" showIcon role="alert" message={props.error} />}
        </>
      )}
    </Modal>
  );
}

/** Sends once at a time, keeps the API's answer or its refusal; cleared when the dialog closes. */
function useRequestState(onSubmit: (body: never) => Promise<Created>, onClose: () => void) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  return {
    saving,
    error,
    created,
    send: async <B,>(body: B) => {
      setSaving(true);
      setError(null);
      try {
        setCreated(await (onSubmit as (b: B) => Promise<Created>)(body));
      } catch (err) {
        setError(errorMessage(err, t));
      } finally {
        setSaving(false);
      }
    },
    close: () => {
      setError(null);
      setCreated(null);
      onClose();
    },
  };
}

interface RemitValues {
  unitId: string;
  amount?: number;
  date: string;
  reference?: string;
}

/**
 * "Nộp tiền lên cấp trên": which unit (when the user acts at several), how much (with what the unit
 * holds, from the progress tree), the day handed over (today in Vietnam by default) and a reference.
 * The amount and date rules are the API's own (`checkRemittanceAmount`, `checkRemittanceDate`).
 */
export function RemitDialog({ open, campaign, units, onSubmit, onClose, now = Date.now }: Common<Schemas['RecordRemittanceDto']> & { units: RequestUnit[] }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<RemitValues>();
  const state = useRequestState(onSubmit, onClose);
  const r = (key: string, options?: Record<string, unknown>) => t(`campaigns.remit.${key}`, options);
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const unit = units.find((u) => u.id === (unitId ?? units[0]?.id));

  const send = (v: RemitValues) => {
    const reference = v.reference?.trim();
    return state.send<Schemas['RecordRemittanceDto']>({ unitId: v.unitId, amount: v.amount!, date: v.date, ...(reference ? { reference } : {}) });
  };

  return (
    <RequestModal
      open={open}
      title={r('title')}
      submitText={r('submit')}
      created={state.created}
      doneText={r('done', { unit: unit?.name ?? '' })}
      saving={state.saving}
      error={state.error}
      formId="remit"
      onClose={state.close}
    >
      <Form<RemitValues>
        form={form}
        name="remit"
        id="remit"
        layout="vertical"
        initialValues={{ unitId: units[0]?.id, date: todayInVietnam(new Date(now())) }}
        onFinish={send}
      >
        {units.length > 1 ? (
          <Form.Item label={r('unit')} name="unitId">
            <Select options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item
          label={r('amount')}
          name="amount"
          required
          extra={unit?.holds !== undefined ? r('holds', { unit: unit.name, amount: formatVnd(Math.max(0, unit.holds), lang) }) : undefined}
          rules={[
            {
              validator: async (_, v: number | undefined) => {
                if (v === undefined) throw new Error(r('amountRequired'));
                if (!isPositiveVnd(v)) throw new Error(r('amountInvalid'));
                const problem = unit?.holds !== undefined ? ruleError(checkRemittanceAmount(v, unit.holds), lang) : null;
                if (problem) throw problem;
              },
            },
          ]}
          dependencies={['unitId']}
        >
          <VndInput autoFocus />
        </Form.Item>
        <Form.Item
          label={r('date')}
          name="date"
          required
          rules={[
            {
              validator: async (_, v: string | undefined) => {
                if (!v) throw new Error(r('dateRequired'));
                const problem = ruleError(checkRemittanceDate(v, campaign, now()), lang);
                if (problem) throw problem;
              },
            },
          ]}
        >
          <DateField />
        </Form.Item>
        <Form.Item label={`${r('reference')} ${t('common.optional')}`} name="reference" extra={r('referenceHelp')}>
          <Input maxLength={REFERENCE_MAX} autoComplete="off" />
        </Form.Item>
      </Form>
    </RequestModal>
  );
}

interface ExtensionValues {
  unitId: string;
  until?: string;
  reason?: string;
}

/**
 * "Xin gia hạn": until when (after the end date, not before today: `checkExtensionDate`) and why. A
 * reason blank to the eye (spaces, zero-width characters) is refused here as the API refuses it.
 */
export function ExtensionDialog({ open, campaign, units, onSubmit, onClose, now = Date.now }: Common<Schemas['RequestExtensionDto']> & { units: RequestUnit[] }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<ExtensionValues>();
  const state = useRequestState(onSubmit, onClose);
  const x = (key: string, options?: Record<string, unknown>) => t(`campaigns.extension.${key}`, options);
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const unit = units.find((u) => u.id === (unitId ?? units[0]?.id));

  const send = (v: ExtensionValues) =>
    state.send<Schemas['RequestExtensionDto']>({ unitId: v.unitId, until: v.until!, reason: cleanText(v.reason!) });

  return (
    <RequestModal
      open={open}
      title={x('title')}
      submitText={x('submit')}
      created={state.created}
      doneText={x('done', { unit: unit?.name ?? '' })}
      saving={state.saving}
      error={state.error}
      formId="extension"
      onClose={state.close}
    >
      <Form<ExtensionValues> form={form} name="extension" id="extension" layout="vertical" initialValues={{ unitId: units[0]?.id }} onFinish={send}>
        <p className="field-help">{x('intro', { endDate: formatPlainDate(campaign.endDate) })}</p>
        {units.length > 1 ? (
          <Form.Item label={x('unit')} name="unitId">
            <Select options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item
          label={x('until')}
          name="until"
          required
          rules={[
            {
              validator: async (_, v: string | undefined) => {
                if (!v) throw new Error(x('untilRequired'));
                const problem = ruleError(checkExtensionDate(v, campaign, now()), lang);
                if (problem) throw problem;
              },
            },
          ]}
        >
          <DateField />
        </Form.Item>
        <Form.Item
          label={x('reason')}
          name="reason"
          required
          rules={[
            {
              validator: async (_, v: string | undefined) => {
                if (isBlankText(v)) throw new Error(x('reasonRequired'));
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={REASON_MAX} />
        </Form.Item>
      </Form>
    </RequestModal>
  );
}
