import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type HousingSupportPayload, housingSupport, housingSupportDefinition, housingSupportPayloadSchema } from '@lienthong/processes';
import { Button, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { MemberPicker, type Member } from '../../components/MemberPicker';
import { VndInput } from '../../components/VndInput';
import { formatVnd } from '../../lib/format';
import { CaseFormFrame, type CaseFormValues } from '../CaseFormFrame';
import { PAYLOAD, useSchemaForm } from '../schema-form';
import type { ProcessFormProps } from '../types';

const TYPE = 'housing-support';
/** The kinds of support, from the API's schema. */
const KINDS = housingSupportPayloadSchema.shape.kind.options;

/**
 * The housing-support case as a branch officer fills it in: the beneficiary (picked from the branch's
 * members or typed), the situation, the kind of support, the amounts with thousands separators, and
 * other funding. Every rule is the API's (the payload schema, requested ≤ estimate).
 */
export function HousingForm(props: ProcessFormProps<HousingSupportPayload>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const p = (key: string, options?: Record<string, unknown>) => t(`processes.${TYPE}.form.${key}`, options);
  const [form] = Form.useForm<CaseFormValues>();
  const sf = useSchemaForm({
    schema: housingSupportPayloadSchema,
    definition: housingSupportDefinition,
    violationFields: { 'housing.requested_above_estimate': ['requestedAmount'] },
    messages: housingSupport.messages,
  });
  const unitId = (Form.useWatch('unitId', form) as string | undefined) ?? props.initial?.unitId ?? props.units[0]?.id;

  const pickMember = (member: Member | undefined) => {
    if (!member) return;
    form.setFieldsValue({ payload: { beneficiary: { name: member.fullName, address: member.address ?? '', phone: member.phone ?? undefined } } });
    void form.validateFields([
      [PAYLOAD, 'beneficiary', 'name'],
      [PAYLOAD, 'beneficiary', 'address'],
    ]);
  };

  const fundingMax = sf.limits(['otherFunding']).maxItems ?? Infinity;
  return (
    <CaseFormFrame<HousingSupportPayload>
      {...props}
      processType={TYPE}
      form={form}
      schemaForm={sf}
      initialPayload={props.initial?.payload ?? { kind: KINDS[0], otherFunding: [] }}
      suggestTitle={(v) => {
        const name = (v.beneficiary as { name?: string } | undefined)?.name?.trim();
        return v.kind && name ? p('titleSuggestion', { kind: t(`processes.${TYPE}.kind.${String(v.kind)}`), name }) : '';
      }}
      confirmText={(payload, title) => p('confirmText', { title, amount: formatVnd(payload.requestedAmount, lang) })}
    >
      <fieldset>
        <legend>{p('beneficiary')}</legend>
        <Form.Item {...sf.item(['beneficiary', 'memberId'], { label: p('memberPicker'), choose: true })} label={p('memberPicker')} extra={p('memberPickerHelp')}>
          <MemberPicker unitId={unitId} onPick={pickMember} />
        </Form.Item>
        <Form.Item {...sf.item(['beneficiary', 'name'], { label: p('name') })}>
          <Input maxLength={sf.limits(['beneficiary', 'name']).maxLength} autoComplete="off" />
        </Form.Item>
        <Form.Item {...sf.item(['beneficiary', 'address'], { label: p('address') })}>
          <Input maxLength={sf.limits(['beneficiary', 'address']).maxLength} autoComplete="off" />
        </Form.Item>
        <Form.Item {...sf.item(['beneficiary', 'phone'], { label: p('phone'), formatMessage: p('phoneFormat') })}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </fieldset>

      <Form.Item {...sf.item(['situation'], { label: p('situation') })}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={sf.limits(['situation']).maxLength} />
      </Form.Item>
      <Form.Item {...sf.item(['kind'], { label: p('kind'), choose: true })}>
        <Radio.Group optionType="button" buttonStyle="solid" options={KINDS.map((k) => ({ value: k, label: t(`processes.${TYPE}.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item {...sf.item(['estimatedCost'], { label: p('estimatedCost'), vnd: true })}>
        <VndInput />
      </Form.Item>
      <Form.Item {...sf.item(['requestedAmount'], { label: p('requestedAmount'), vnd: true })} dependencies={[[PAYLOAD, 'estimatedCost']]}>
        <VndInput />
      </Form.Item>

      <fieldset>
        <legend>{p('otherFunding')}</legend>
        <p className="field-help">{p('otherFundingHelp')}</p>
        <Form.List name={[PAYLOAD, 'otherFunding']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap className="funding-row">
                  <Form.Item
                    {...sf.item(['otherFunding', field.name, 'source'], { label: `${p('fundingSource')} ${index + 1}` })}
                    name={[field.name, 'source']}
                  >
                    <Input maxLength={sf.limits(['otherFunding', 0, 'source']).maxLength} />
                  </Form.Item>
                  <Form.Item
                    {...sf.item(['otherFunding', field.name, 'amount'], { label: `${p('fundingAmount')} ${index + 1}`, vnd: true })}
                    name={[field.name, 'amount']}
                  >
                    <VndInput />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${p('removeFunding')} (${index + 1})`}
                    onClick={() => remove(field.name)}
                    className="funding-remove"
                  />
                </Space>
              ))}
              {fields.length < fundingMax && (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {p('addFunding')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </fieldset>
    </CaseFormFrame>
  );
}
