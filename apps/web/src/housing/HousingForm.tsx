import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Radio, Select, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../api/queries';
import { VndInput } from '../components/VndInput';
import { formatVnd } from '../lib/format';
import { type HousingFormValues, housingRules, KINDS, LIMITS, suggestTitle } from './payload';

interface Props {
  /** The branches the user may open a case at; with one, it is chosen and not asked. */
  branches: { id: string; name: string }[];
  initialValues?: Partial<HousingFormValues>;
  /** Resubmission: the unit is fixed and a comment may go with the revision. */
  resubmit?: boolean;
  error?: string | null;
  onSubmit: (values: HousingFormValues) => Promise<unknown>;
}

/**
 * The housing-support case as a branch officer fills it in: the beneficiary (picked from the branch's
 * members or typed), the situation, the kind of support, the amounts with thousands separators, and
 * other funding. Sending asks for confirmation first.
 */
export function HousingForm({ branches, initialValues, resubmit = false, error, onSubmit }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { modal } = App.useApp();
  const [form] = Form.useForm<HousingFormValues>();
  const rules = housingRules(t, lang);
  const unitId = Form.useWatch('unitId', form) ?? initialValues?.unitId ?? branches[0]?.id;
  const members = useMembers(unitId);
  // The title follows the name and kind until the officer writes their own.
  const titleEdited = useRef(Boolean(initialValues?.title));

  const onValuesChange = (changed: Partial<HousingFormValues>, all: HousingFormValues) => {
    if ('title' in changed) titleEdited.current = Boolean(changed.title);
    if (('name' in changed || 'kind' in changed) && !titleEdited.current) {
      form.setFieldValue('title', suggestTitle(t, all.kind, all.name));
    }
  };

  const pickMember = (memberId: string | undefined) => {
    const member = members.data?.items.find((m) => m.id === memberId);
    if (!member) return form.setFieldValue('memberId', undefined);
    form.setFieldsValue({ memberId, name: member.fullName, address: member.address ?? '', phone: member.phone ?? undefined });
    if (!titleEdited.current) form.setFieldValue('title', suggestTitle(t, form.getFieldValue('kind'), member.fullName));
    void form.validateFields(['name', 'address']);
  };

  const confirmAndSend = (values: HousingFormValues) =>
    modal.confirm({
      title: resubmit ? t('action.question.resubmit') : t('form.confirmTitle'),
      content: t('form.confirmText', { title: values.title.trim(), amount: formatVnd(values.requestedAmount!, lang) }),
      okText: resubmit ? t('action.confirm.resubmit') : t('form.confirmOk'),
      cancelText: t('common.cancel'),
      // Resolves when the API has answered; the dialog keeps its button busy until then.
      onOk: () => onSubmit(values).catch(() => undefined),
    });

  return (
    <Form<HousingFormValues>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'new-build', otherFunding: [], unitId: branches[0]?.id, ...initialValues }}
      onValuesChange={onValuesChange}
      onFinish={confirmAndSend}
      scrollToFirstError
      className="housing-form"
    >
      {!resubmit && branches.length > 1 && (
        <Form.Item label={t('form.unit')} name="unitId" rules={[{ required: true }]}>
          <Select options={branches.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
      )}
      {(resubmit || branches.length <= 1) && (
        <Form.Item name="unitId" hidden>
          <Input />
        </Form.Item>
      )}

      <fieldset>
        <legend>{t('detail.beneficiary')}</legend>
        <Form.Item label={t('form.memberPicker')} name="memberId" extra={t('form.memberPickerHelp')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={members.isPending}
            placeholder={t('form.memberPlaceholder')}
            notFoundContent={t('form.noMembers')}
            onChange={pickMember}
            options={(members.data?.items ?? []).map((m) => ({
              value: m.id,
              label: m.birthYear ? `${m.fullName} (${m.birthYear})` : m.fullName,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('form.name')} name="name" rules={rules.name} required>
          <Input maxLength={LIMITS.name} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('form.address')} name="address" rules={rules.address} required>
          <Input maxLength={LIMITS.address} autoComplete="off" />
        </Form.Item>
        <Form.Item label={`${t('form.phone')} ${t('common.optional')}`} name="phone" rules={rules.phone}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </fieldset>

      <Form.Item label={t('form.situation')} name="situation" rules={rules.situation} required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={LIMITS.situation} />
      </Form.Item>
      <Form.Item label={t('form.kind')} name="kind" rules={rules.kind} required>
        <Radio.Group optionType="button" buttonStyle="solid" options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <Form.Item label={t('form.estimatedCost')} name="estimatedCost" rules={rules.estimatedCost} required>
        <VndInput />
      </Form.Item>
      <Form.Item
        label={t('form.requestedAmount')}
        name="requestedAmount"
        rules={rules.requestedAmount}
        dependencies={['estimatedCost']}
        required
      >
        <VndInput />
      </Form.Item>

      <fieldset>
        <legend>{t('form.otherFunding')}</legend>
        <p className="field-help">{t('form.otherFundingHelp')}</p>
        <Form.List name="otherFunding">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap className="funding-row">
                  <Form.Item label={`${t('form.fundingSource')} ${index + 1}`} name={[field.name, 'source']} rules={rules.fundingSource} required>
                    <Input maxLength={LIMITS.source} />
                  </Form.Item>
                  <Form.Item label={`${t('form.fundingAmount')} ${index + 1}`} name={[field.name, 'amount']} rules={rules.fundingAmount} required>
                    <VndInput />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t('form.removeFunding')} (${index + 1})`}
                    onClick={() => remove(field.name)}
                    className="funding-remove"
                  />
                </Space>
              ))}
              {fields.length < LIMITS.otherFunding && (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t('form.addFunding')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </fieldset>

      <Form.Item label={t('form.title')} name="title" rules={rules.title} extra={t('form.titleHelp')} required>
        <Input maxLength={LIMITS.title} />
      </Form.Item>
      {resubmit && (
        <Form.Item label={`${t('form.comment')} ${t('common.optional')}`} name="comment">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
      )}

      {error && <Alert type="error" showIcon role="alert" message={error} className="block-gap" />}
      <Button type="primary" htmlType="submit" size="large" block>
        {resubmit ? t('action.resubmit') : t('form.submit')}
      </Button>
    </Form>
  );
}
