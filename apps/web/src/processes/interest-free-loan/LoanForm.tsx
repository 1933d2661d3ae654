import { type InterestFreeLoanPayload, interestFreeLoan, interestFreeLoanDefinition, interestFreeLoanPayloadSchema } from '@lienthong/processes';
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { MemberPicker, type Member } from '../../components/MemberPicker';
import { VndInput } from '../../components/VndInput';
import { formatVnd } from '../../lib/format';
import { CaseFormFrame, type CaseFormValues } from '../CaseFormFrame';
import { PAYLOAD, useSchemaForm } from '../schema-form';
import type { ProcessFormProps } from '../types';

const TYPE = 'interest-free-loan';

/**
 * A loan proposal as a branch officer fills it in: the borrower, who must be a member of the branch
 * (picked from its registry, never typed), the amount, the term in months and what the money is for.
 * The rules are the API's payload schema.
 */
export function LoanForm(props: ProcessFormProps<InterestFreeLoanPayload>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const p = (key: string, options?: Record<string, unknown>) => t(`processes.${TYPE}.form.${key}`, options);
  const [form] = Form.useForm<CaseFormValues>();
  const sf = useSchemaForm({ schema: interestFreeLoanPayloadSchema, definition: interestFreeLoanDefinition, messages: interestFreeLoan.messages });
  const unitId = (Form.useWatch('unitId', form) as string | undefined) ?? props.initial?.unitId ?? props.units[0]?.id;

  // The borrower's name goes with the payload as the registry writes it.
  const pickMember = (member: Member | undefined) => form.setFieldsValue({ payload: { borrower: { name: member?.fullName } } });

  return (
    <CaseFormFrame<InterestFreeLoanPayload>
      {...props}
      processType={TYPE}
      form={form}
      schemaForm={sf}
      initialPayload={props.initial?.payload ?? {}}
      suggestTitle={(v) => {
        const name = (v.borrower as { name?: string } | undefined)?.name?.trim();
        return name ? p('titleSuggestion', { name }) : '';
      }}
      confirmText={(payload, title) => p('confirmText', { title, amount: formatVnd(payload.amount, lang), months: payload.termMonths })}
    >
      <Form.Item {...sf.item(['borrower', 'memberId'], { label: p('borrower'), choose: true })} extra={p('borrowerHelp')}>
        <MemberPicker unitId={unitId} onPick={pickMember} />
      </Form.Item>
      <Form.Item name={[PAYLOAD, 'borrower', 'name']} hidden>
        <Input />
      </Form.Item>
      <Form.Item {...sf.item(['amount'], { label: p('amount'), vnd: true })}>
        <VndInput />
      </Form.Item>
      <Form.Item {...sf.item(['termMonths'], { label: p('termMonths') })} extra={p('termHelp')}>
        {/* No min/max here: the input would clamp silently; the schema's bounds are said in words instead. */}
        <InputNumber precision={0} controls={false} inputMode="numeric" className="full-width" />
      </Form.Item>
      <Form.Item {...sf.item(['purpose'], { label: p('purpose') })}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={sf.limits(['purpose']).maxLength} />
      </Form.Item>
    </CaseFormFrame>
  );
}
