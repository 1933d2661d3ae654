import { cleanText } from '@lienthong/domain';
import { Alert, App, Button, Form, type FormInstance, Input, Select } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { processText } from './process-texts';
import { PAYLOAD, type SchemaForm } from './schema-form';
import type { CaseDraft, ProcessFormProps } from './types';

/** The API's limits on what goes with every payload (CreateCaseDto, ResubmitDto). */
const TITLE_MAX = 300;
const COMMENT_MAX = 2000;

/** A case form's values: the unit, the title, a resubmission's note, and the payload as the process's fields edit it. */
export interface CaseFormValues {
  unitId: string;
  title: string;
  comment?: string;
  payload: Record<string, unknown>;
}

interface Props<P> extends ProcessFormProps<P> {
  processType: string;
  form: FormInstance<CaseFormValues>;
  schemaForm: SchemaForm<P>;
  /** The payload as the form edits it (dates as dayjs, …): a new case's defaults, or the case being revised. */
  initialPayload: Record<string, unknown>;
  /** A title from what is entered so far ("Xây mới nhà cho hội viên …"); '' until there is enough. */
  suggestTitle: (payload: Record<string, unknown>) => string;
  /** The confirmation's sentence: what is sent, for how much. */
  confirmText: (payload: P, title: string) => string;
  /** The process's own fields. */
  children: ReactNode;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);

/**
 * What every process form has around its own fields: the unit (asked only when the user may open
 * the case at several), the title (suggested until the officer writes their own), a note with a
 * resubmission, the API's refusal, and sending, which asks for confirmation first. The payload is
 * parsed by the process's schema before it is sent, so the API gets it trimmed and complete.
 */
export function CaseFormFrame<P>(props: Props<P>) {
  const { processType, form, schemaForm, units, initial, initialPayload, resubmit = false, error, onSubmit, suggestTitle, confirmText, children } = props;
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const tx = (key: string, options?: Record<string, unknown>) => processText(t, processType, key, options);

  // The title follows what is entered until the officer writes their own (or clears it again).
  const titleEdited = useRef(Boolean(initial?.title));
  const payload = Form.useWatch(PAYLOAD, form) as Record<string, unknown> | undefined;
  const suggestion = payload ? suggestTitle(payload) : '';
  useEffect(() => {
    if (!titleEdited.current && payload && form.getFieldValue('title') !== suggestion) form.setFieldValue('title', suggestion);
  }, [form, payload, suggestion]);

  const send = (values: CaseFormValues) => {
    let parsed: P;
    try {
      parsed = schemaForm.parse(values.payload);
    } catch {
      return; // each field already shows what is wrong with it
    }
    const title = values.title.trim();
    const draft: CaseDraft<P> = { unitId: values.unitId, title, payload: parsed, comment: values.comment?.trim() || undefined };
    modal.confirm({
      title: resubmit ? t('action.question.resubmit') : tx('form.confirmTitle'),
      content: confirmText(parsed, title),
      okText: resubmit ? t('action.confirm.resubmit') : t('form.confirmOk'),
      cancelText: t('common.cancel'),
      // Resolves when the API has answered; the dialog keeps its button busy until then.
      onOk: () => onSubmit(draft).catch(() => undefined),
    });
  };

  const titleLabel = t('form.title');
  return (
    <Form<CaseFormValues>
      form={form}
      layout="vertical"
      initialValues={{ unitId: initial?.unitId ?? units[0]?.id, title: initial?.title ?? '', payload: initialPayload }}
      onValuesChange={(changed) => {
        if ('title' in changed) titleEdited.current = Boolean(changed.title);
      }}
      onFinish={send}
      scrollToFirstError
      className="case-form"
    >
      {!resubmit && units.length > 1 ? (
        <Form.Item label={tx('form.unit')} name="unitId" rules={[{ required: true, message: t('form.errors.choose', { field: lowerFirst(tx('form.unit')) }) }]}>
          <Select options={units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      ) : (
        <Form.Item name="unitId" hidden>
          <Input />
        </Form.Item>
      )}

      {children}

      <Form.Item
        label={titleLabel}
        name="title"
        extra={t('form.titleHelp')}
        required
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              // Blank to the eye (zero-width characters, NBSP…) is empty, as the API judges it.
              const v = cleanText(value ?? '');
              if (!v) throw new Error(t('form.errors.required', { field: lowerFirst(titleLabel) }));
              if (v.length > TITLE_MAX) throw new Error(t('form.errors.tooLong', { field: titleLabel, max: TITLE_MAX }));
            },
          },
        ]}
      >
        <Input maxLength={TITLE_MAX} />
      </Form.Item>
      {resubmit && (
        <Form.Item label={`${t('form.comment')} ${t('common.optional')}`} name="comment">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={COMMENT_MAX} />
        </Form.Item>
      )}

      {error && <Alert type="error" showIcon role="alert" message={error} className="block-gap" />}
      <Button type="primary" htmlType="submit" size="large" block>
        {resubmit ? t('action.resubmit') : t('form.submit')}
      </Button>
    </Form>
  );
}
