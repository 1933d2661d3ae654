import { Alert, App, Button, Card, DatePicker, Drawer, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { type CaseCommand, useCaseCommand } from '../../api/queries';
import { VndInput } from '../../components/VndInput';
import { HousingForm } from '../../housing/HousingForm';
import { fromPayload, type HousingPayload, isVnd, toPayload } from '../../housing/payload';
import { errorMessage } from '../../lib/errors';
import { formatVnd } from '../../lib/format';
import { approveFields, capOf, commentRequired, decisionData } from './decision';

type Detail = Schemas['CaseDetailDto'];
type Action = Detail['allowedActions'][number];
type Lang = 'vi' | 'en';

/** The order buttons appear in; the API decides which of them do. */
const ORDER: Action[] = ['approve', 'return', 'reject', 'milestone', 'disbursement', 'resubmit', 'cancel'];
const DANGEROUS: Action[] = ['reject', 'cancel'];

interface DialogValues {
  comment?: string;
  /** The step's approve data (`approveData`), by field name: approvedAmount, fundingSource, … */
  data?: Record<string, unknown>;
  amount?: number;
  date?: Dayjs;
  note?: string;
}

/**
 * Exactly the actions the API lists in `allowedActions` for this user now. Each opens a dialog that
 * says what will happen and asks for what the action needs; nothing is sent until it is confirmed.
 * While one is in flight every button waits; a refusal shows the API's own message in the dialog.
 */
export function CaseActions({ c }: { c: Detail }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const { message } = App.useApp();
  const command = useCaseCommand(c.id);
  const [open, setOpen] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<DialogValues>();

  const actions = ORDER.filter((a) => c.allowedActions.includes(a));
  const nextMilestone = c.execution?.milestones.find((m) => !m.date);
  const milestoneName = nextMilestone ? t(`milestone.${nextMilestone.kind}`, { defaultValue: nextMilestone.kind }) : '';
  // What the decision must carry comes with the current step in `chain` (its approveData and commentRequiredFor).
  const fields = approveFields(c, open);
  const needsComment = commentRequired(c, open);
  const label = (a: Action) => t(`action.${a}`, { kind: milestoneName });

  const run = async (cmd: CaseCommand, done: Action) => {
    setError(null);
    try {
      await command.mutateAsync(cmd);
      void message.success(t(`action.done.${done}`));
      setOpen(null);
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };

  const confirm = async () => {
    let v: DialogValues;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows each mistake beside its field
    }
    const comment = v.comment?.trim() || undefined;
    const note = v.note?.trim() || undefined;
    const date = v.date?.format('YYYY-MM-DD') ?? '';
    switch (open) {
      case 'approve':
      case 'return':
      case 'reject':
        return run(
          {
            kind: 'decide',
            body: {
              action: open,
              comment,
              // The step the user saw: if someone decided first, the API answers 409 instead of applying this to the next step.
              expectedStep: c.currentStep?.id,
              ...(fields.length > 0 ? { data: decisionData(fields, v.data) } : {}),
            },
          },
          open,
        );
      case 'cancel':
        return run({ kind: 'cancel', body: { comment } }, 'cancel');
      case 'milestone':
        return run({ kind: 'milestone', body: { kind: nextMilestone!.kind, date, note } }, 'milestone');
      case 'disbursement':
        return run({ kind: 'disbursement', body: { amount: v.amount!, date, note } }, 'disbursement');
    }
  };

  const openDialog = (a: Action) => {
    setError(null);
    form.resetFields();
    // An amount starts at its cap (the district usually grants what was requested).
    const data = Object.fromEntries(approveFields(c, a).map((f) => [f.name, capOf(c, f) ?? undefined]));
    form.setFieldsValue({ date: dayjs(), data });
    setOpen(a);
  };
  const busy = command.isPending;
  const close = () => !busy && setOpen(null);
  const remaining = c.execution?.remaining ?? null;

  return (
    <Card title={t('detail.actions')} className="block-gap" size="small">
      {actions.length === 0 ? (
        <p>{t('detail.noActions')}</p>
      ) : (
        <div className="action-buttons">
          {actions.map((a) => (
            <Button
              key={a}
              type={a === 'approve' || a === 'milestone' || a === 'resubmit' ? 'primary' : 'default'}
              danger={DANGEROUS.includes(a)}
              disabled={busy}
              onClick={() => openDialog(a)}
            >
              {label(a)}
            </Button>
          ))}
        </div>
      )}

      <Modal
        open={open !== null && open !== 'resubmit'}
        title={open ? label(open) : ''}
        onCancel={close}
        onOk={() => void confirm()}
        okText={open ? t(`action.confirm.${open}`) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, danger: open !== null && DANGEROUS.includes(open) }}
        cancelButtonProps={{ disabled: busy }}
        closable={{ 'aria-label': t('common.close'), disabled: busy }}
        maskClosable={!busy}
        destroyOnHidden
      >
        <Typography.Paragraph>{open && t(`action.question.${open}`, { title: c.title, kind: milestoneName })}</Typography.Paragraph>
        <Form form={form} layout="vertical" disabled={busy} onFinish={() => void confirm()}>
          {fields.map((f) => {
            const fieldLabel = t(`detail.${f.name}`, { defaultValue: f.name });
            if (f.type === 'vnd') {
              const cap = capOf(c, f);
              return (
                <Form.Item
                  key={f.name}
                  label={fieldLabel}
                  name={['data', f.name]}
                  extra={cap !== null && t('action.approvedAmountHint', { amount: formatVnd(cap, lang) })}
                  rules={[
                    {
                      validator: async (_, value) => {
                        if (!isVnd(value)) throw new Error(t('form.errors.amount'));
                        if (cap !== null && value > cap) {
                          throw new Error(t('action.approvedAmountAbove', { amount: formatVnd(cap, lang) }));
                        }
                      },
                    },
                  ]}
                  required
                >
                  <VndInput />
                </Form.Item>
              );
            }
            return (
              <Form.Item
                key={f.name}
                label={fieldLabel}
                name={['data', f.name]}
                rules={[{ required: true, whitespace: true, message: t('form.errors.required', { field: fieldLabel.toLocaleLowerCase() }) }]}
              >
                <Input maxLength={f.maxLength} placeholder={t(`action.${f.name}Placeholder`, { defaultValue: '' })} />
              </Form.Item>
            );
          })}
          {open === 'disbursement' && (
            <Form.Item
              label={t('action.amount')}
              name="amount"
              extra={remaining !== null && t('action.remainingHint', { amount: formatVnd(remaining, lang) })}
              rules={[
                {
                  validator: async (_, value) => {
                    if (!isVnd(value)) throw new Error(t('form.errors.amount'));
                    if (remaining !== null && value > remaining) {
                      throw new Error(t('action.amountAboveRemaining', { amount: formatVnd(remaining, lang) }));
                    }
                  },
                },
              ]}
              required
            >
              <VndInput />
            </Form.Item>
          )}
          {(open === 'milestone' || open === 'disbursement') && (
            <>
              <Form.Item label={t('action.date')} name="date" rules={[{ required: true, message: t('action.dateRequired') }]}>
                <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} inputReadOnly className="full-width" />
              </Form.Item>
              <Form.Item label={`${t('action.note')} ${t('common.optional')}`} name="note">
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {(open === 'approve' || open === 'return' || open === 'reject' || open === 'cancel') && (
            <Form.Item
              label={needsComment ? t('action.comment') : `${t('action.comment')} ${t('common.optional')}`}
              name="comment"
              rules={needsComment ? [{ required: true, whitespace: true, message: t('action.commentRequired') }] : []}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} placeholder={t('action.commentPlaceholder')} />
            </Form.Item>
          )}
        </Form>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
      </Modal>

      <Drawer
        open={open === 'resubmit'}
        title={t('form.resubmitTitle')}
        onClose={close}
        width={720}
        closable={{ 'aria-label': t('common.close') }}
        className="resubmit-drawer"
        destroyOnHidden
      >
        {open === 'resubmit' && (
          <HousingForm
            resubmit
            branches={[c.originUnit]}
            initialValues={fromPayload(c.payload as unknown as HousingPayload, c.originUnit.id, c.title)}
            error={error}
            onSubmit={async (values) => {
              setError(null);
              try {
                await command.mutateAsync({
                  kind: 'resubmit',
                  body: { payload: { ...toPayload(values) }, title: values.title.trim(), comment: values.comment?.trim() || undefined },
                });
                void message.success(t('action.done.resubmit'));
                setOpen(null);
              } catch (err) {
                setError(errorMessage(err, t));
                throw err;
              }
            }}
          />
        )}
      </Drawer>
    </Card>
  );
}
