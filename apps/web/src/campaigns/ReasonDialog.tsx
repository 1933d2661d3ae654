import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

const REASON_MAX = 2000;

interface Ask {
  title: string;
  question: string;
  label: string;
  okText: string;
  /** Resolves when the API has taken it; its refusal shows in the dialog, which stays open. */
  onOk: (reason: string) => Promise<unknown>;
}

/**
 * A confirmation that needs a reason (cancelling a campaign, reversing an entry): the question, a box
 * for the reason, and the OK button that refuses an empty reason or shows the API's refusal in place.
 */
export function useReasonDialog() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return (ask: Ask) => {
    let reason = '';
    let showProblem: (s: string | null) => void = () => undefined;
    modal.confirm({
      title: ask.title,
      content: (
        <ReasonField
          question={ask.question}
          label={ask.label}
          onChange={(v) => (reason = v)}
          bindProblem={(set) => (showProblem = set)}
        />
      ),
      okText: ask.okText,
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        if (!reason.trim()) {
          showProblem(t('campaigns.detail.reasonRequired'));
          throw new Error('reason required'); // keeps the dialog open
        }
        try {
          await ask.onOk(reason.trim());
        } catch (err) {
          showProblem(errorMessage(err, t));
          throw err;
        }
      },
    });
  };
}

function ReasonField(props: { question: string; label: string; onChange: (v: string) => void; bindProblem: (set: (s: string | null) => void) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  props.bindProblem(setProblem);
  return (
    <Form layout="vertical" component="div">
      <p>{props.question}</p>
      <Form.Item
        label={props.label}
        htmlFor="reason-field"
        validateStatus={problem ? 'error' : undefined}
        help={problem ? <span role="alert">{problem}</span> : undefined}
        required
      >
        <Input.TextArea id="reason-field" autoSize={{ minRows: 2 }} maxLength={REASON_MAX} onChange={(ev) => {
            setProblem(null);
            props.onChange(ev.target.value);
          }}
          autoFocus />
      </Form.Item>
    </Form>
  );
}
