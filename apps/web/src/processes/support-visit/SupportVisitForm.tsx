import { SUPPORT_VISIT_KINDS, type SupportVisitPayload, supportVisit, supportVisitDefinition, supportVisitPayloadSchema } from '@lienthong/processes';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MemberPicker, type Member } from '../../components/MemberPicker';
import { VndInput } from '../../components/VndInput';
import { formatVnd } from '../../lib/format';
import { CaseFormFrame, type CaseFormValues } from '../CaseFormFrame';
import { PAYLOAD, useSchemaForm } from '../schema-form';
import type { ProcessFormProps } from '../types';

const TYPE = 'support-visit';

/**
 * A visit, a gift or a condolence as a branch or ward officer records it: the kind, who was visited
 * (a member of the unit, or a name typed), the day, what was given (0 for a visit without money) and
 * a note. The rules are the API's: its payload schema, and no visit dated in the future.
 */
export function SupportVisitForm(props: ProcessFormProps<SupportVisitPayload>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const p = (key: string, options?: Record<string, unknown>) => t(`processes.${TYPE}.form.${key}`, options);
  const kindName = (kind: string) => t(`processes.${TYPE}.kind.${kind}`);
  const [form] = Form.useForm<CaseFormValues>();
  const sf = useSchemaForm({
    schema: supportVisitPayloadSchema,
    definition: supportVisitDefinition,
    violationFields: { 'visit.date_in_future': ['date'] },
    messages: supportVisit.messages,
  });
  const unitId = (Form.useWatch('unitId', form) as string | undefined) ?? props.initial?.unitId ?? props.units[0]?.id;

  const pickMember = (member: Member | undefined) => {
    if (!member) return;
    form.setFieldsValue({ payload: { recipient: { name: member.fullName } } });
    void form.validateFields([[PAYLOAD, 'recipient', 'name']]);
  };

  const initial = props.initial?.payload;
  return (
    <CaseFormFrame<SupportVisitPayload>
      {...props}
      processType={TYPE}
      form={form}
      schemaForm={sf}
      // The form edits the day as a date picker's value; the payload carries YYYY-MM-DD.
      initialPayload={initial ? { ...initial, date: dayjs(initial.date) } : { date: dayjs() }}
      suggestTitle={(v) => {
        const name = (v.recipient as { name?: string } | undefined)?.name?.trim();
        return v.kind && name ? p('titleSuggestion', { kind: kindName(String(v.kind)), name }) : '';
      }}
      confirmText={(payload, title) => p('confirmText', { title, amount: formatVnd(payload.amount, lang) })}
    >
      <Form.Item {...sf.item(['kind'], { label: p('kind'), choose: true })}>
        <Select options={SUPPORT_VISIT_KINDS.map((k) => ({ value: k, label: kindName(k) }))} />
      </Form.Item>
      <fieldset>
        <legend>{p('recipient')}</legend>
        <Form.Item {...sf.item(['recipient', 'memberId'], { label: p('memberPicker'), choose: true })} label={p('memberPicker')} extra={p('memberPickerHelp')}>
          <MemberPicker unitId={unitId} onPick={pickMember} />
        </Form.Item>
        <Form.Item {...sf.item(['recipient', 'name'], { label: p('name') })}>
          <Input maxLength={sf.limits(['recipient', 'name']).maxLength} autoComplete="off" />
        </Form.Item>
      </fieldset>
      <Form.Item {...sf.item(['date'], { label: p('date'), choose: true })}>
        <DatePicker
          format="DD/MM/YYYY"
          disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')}
          allowClear={false}
          inputReadOnly
          className="full-width"
        />
      </Form.Item>
      <Form.Item {...sf.item(['amount'], { label: p('amount'), vnd: true })} extra={p('amountHelp')}>
        <VndInput />
      </Form.Item>
      <Form.Item {...sf.item(['note'], { label: p('note') })}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={sf.limits(['note']).maxLength} />
      </Form.Item>
    </CaseFormFrame>
  );
}
