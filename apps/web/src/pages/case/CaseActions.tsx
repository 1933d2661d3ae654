import { Alert, App, Button, Card, DatePicker, Drawer, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { type CaseCommand, useCaseCommand } from '../../api/queries';
import { VndInput } from '../../components/VndInput';
import { errorMessage } from '../../lib/errors';
import { formatVnd, todayInVietnam } from '../../lib/format';
import { isPositiveVnd } from '../../lib/money';
import { visibleText } from '../../lib/text';
import { milestoneName, processText } from '../../processes/process-texts';
import { webProcess } from '../../processes/registry';
import type { CaseDraft } from '../../processes/types';
import { approveFields, capOf, commentRequired, decisionData } from './decision';

type Detail = Schemas['CaseDetailDto'];
type Action = Detail['allowedActions'][number];
type Lang = 'vi' | 'en';

/** The order buttons appear in; the API decides which of them do. */
const ORDER: Action[] = ['approve', 'return', 'reject', 'milestone', 'disbursement', 'repayment', 'settlement', 'resubmit', 'cancel'];
const PRIMARY: Action[] = ['approve', 'milestone', 'resubmit'];
const DANGEROUS: Action[] = ['reject', 'cancel'];
const DECISIONS: Action[] = ['approve', 'return', 'reject', 'cancel'];
/** Money in or out: one dialog (amount, date, note) for both, bounded by what the ledger still allows. */
const LEDGER: Action[] = ['disbursement', 'repayment'];
const COMMENT_MAX = 2000;

interface DialogValues {
  comment?: string;
  /** The step's approve data (`approveData`), by field name: approvedAmount, fundingSource, … */
  data?: Record<string, unknown>;
  amount?: number;
  date?: Dayjs;
  note?: string;
  reason?: string;
}

/**
 * Exactly the actions the API lists in `allowedActions` for this user now, for any process. Each
 * opens a dialog that says what will happen and asks for what the action needs: a decision its
 * step's data and reason, a milestone its date, a disbursement or repayment an amount within what
 * the ledger still allows, a settlement its reason; a resubmission opens the process's own form.
 * The words are the process's where its texts have them ("Ghi nhận trả nợ"), else the generic ones.
 * Nothing is sent until confirmed; while one is in flight every button waits; a refusal shows the
 * API's own message in the dialog.
 */
export function CaseActions({ c }: { c: Detail }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const { message } = App.useApp();
  const command = useCaseCommand(c.id);
  const [open, setOpen] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<DialogValues>();
  const process = webProcess(c.processType);
  const tx = (key: string, options?: Record<string, unknown>) => processText(t, c.processType, key, options);

  // Resubmitting needs the process's form: a case of a process this build does not know is read-only.
  const actions = ORDER.filter((a) => c.allowedActions.includes(a) && (a !== 'resubmit' || process));
  const execution = c.execution;
  const nextMilestone = execution?.milestones.find((m) => !m.date);
  const kind = nextMilestone ? milestoneName(t, c.processType, nextMilestone.kind) : '';
  // What the decision must carry comes with the current step in `chain` (its approveData and commentRequiredFor).
  const fields = approveFields(c, open);
  const needsComment = commentRequired(c, open);
  const label = (a: Action) => tx(`action.${a}`, { kind });
  /** What a disbursement may still add (up to the approved amount), or a repayment bring back (what is owed). */
  const room = open === 'disbursement' ? (execution?.remaining ?? null) : open === 'repayment' ? (execution?.outstanding ?? null) : null;
  /** Execution dates: not in the future, not before the approval (nor, for a milestone, before the last one). */
  const lastMilestone = execution?.milestones.filter((m) => m.date).pop()?.date;
  const earliest = open === 'milestone' && lastMilestone ? lastMilestone : execution ? todayInVietnam(new Date(execution.approvedAt)) : null;

  const run = async (cmd: CaseCommand, done: Action) => {
    setError(null);
    try {
      await command.mutateAsync(cmd);
      void message.success(tx(`action.done.${done}`));
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
      case 'repayment':
        return run({ kind: open, body: { amount: v.amount!, date, note } }, open);
      case 'settlement':
        return run({ kind: 'settlement', body: { date, reason: v.reason!.trim() } }, 'settlement');
    }
  };

  const resubmit = async (draft: CaseDraft<unknown>) => {
    setError(null);
    try {
      await command.mutateAsync({
        kind: 'resubmit',
        body: { payload: draft.payload as Schemas['ResubmitDto']['payload'], title: draft.title, comment: draft.comment },
      });
      void message.success(tx('action.done.resubmit'));
      setOpen(null);
    } catch (err) {
      setError(errorMessage(err, t));
      throw err;
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
  const ProcessForm = process?.Form;

  return (
    <Card title={t('detail.actions')} className="block-gap" size="small">
      {actions.length === 0 ? (
        <p>{t('detail.noActions')}</p>
      ) : (
        <div className="action-buttons">
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY.includes(a) ? 'primary' : 'default'}
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
        okText={open ? tx(`action.confirm.${open}`) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, danger: open !== null && DANGEROUS.includes(open) }}
        cancelButtonProps={{ disabled: busy }}
        closable={{ 'aria-label': t('common.close'), disabled: busy }}
        maskClosable={!busy}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {open && tx(`action.question.${open}`, { title: c.title, kind, amount: formatVnd(execution?.remaining ?? 0, lang) })}
        </Typography.Paragraph>
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
                        if (!isPositiveVnd(value)) throw new Error(t('action.amountInvalid'));
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
                rules={[{ required: true, transform: visibleText, message: t('form.errors.required', { field: fieldLabel.toLocaleLowerCase() }) }]}
              >
                <Input maxLength={f.maxLength} placeholder={t(`action.${f.name}Placeholder`, { defaultValue: '' })} />
              </Form.Item>
            );
          })}
          {open !== null && LEDGER.includes(open) && (
            <Form.Item
              label={t('action.amount')}
              name="amount"
              extra={room !== null && tx(open === 'repayment' ? 'action.outstandingHint' : 'action.remainingHint', { amount: formatVnd(room, lang) })}
              rules={[
                {
                  validator: async (_, value) => {
                    if (!isPositiveVnd(value)) throw new Error(t('action.amountInvalid'));
                    if (room !== null && value > room) {
                      throw new Error(tx(open === 'repayment' ? 'action.amountAboveOutstanding' : 'action.amountAboveRemaining', { amount: formatVnd(room, lang) }));
                    }
                  },
                },
              ]}
              required
            >
              <VndInput />
            </Form.Item>
          )}
          {open !== null && !DECISIONS.includes(open) && (
            <Form.Item label={t('action.date')} name="date" rules={[{ required: true, message: t('action.dateRequired') }]}>
              <DatePicker
                format="DD/MM/YYYY"
                disabledDate={(d) => d.isAfter(dayjs(), 'day') || (earliest !== null && d.isBefore(dayjs(earliest), 'day'))}
                allowClear={false}
                inputReadOnly
                className="full-width"
              />
            </Form.Item>
          )}
          {open === 'settlement' && (
            <Form.Item label={t('action.reason')} name="reason" rules={[{ required: true, transform: visibleText, message: t('action.commentRequired') }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={COMMENT_MAX} placeholder={t('action.reasonPlaceholder')} />
            </Form.Item>
          )}
          {(open === 'milestone' || (open !== null && LEDGER.includes(open))) && (
            <Form.Item label={`${t('action.note')} ${t('common.optional')}`} name="note">
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={COMMENT_MAX} />
            </Form.Item>
          )}
          {open !== null && DECISIONS.includes(open) && (
            <Form.Item
              label={needsComment ? t('action.comment') : `${t('action.comment')} ${t('common.optional')}`}
              name="comment"
              rules={needsComment ? [{ required: true, transform: visibleText, message: t('action.commentRequired') }] : []}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={COMMENT_MAX} placeholder={t('action.commentPlaceholder')} />
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
        {open === 'resubmit' && ProcessForm && (
          <ProcessForm
            resubmit
            units={[c.originUnit]}
            initial={{ unitId: c.originUnit.id, title: c.title, payload: c.payload }}
            error={error}
            onSubmit={resubmit}
          />
        )}
      </Drawer>
    </Card>
  );
}
