import { CheckCircleOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Progress, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { VndInput } from '../components/VndInput';
import { errorMessage } from '../lib/errors';
import { formatVnd } from '../lib/format';
import { barPercent, paceOf, percentText } from './campaign-format';
import './campaigns.css';

type Node = Schemas['ProgressNodeDto'];
type Lang = 'vi' | 'en';

interface Props {
  root: Node;
  /** Units whose children's quotas the user may set (their officer/chair units), empty when quotas are closed. */
  quotaSetterUnits: Set<string>;
  onSaveQuota: (unitId: string, amount: number) => Promise<unknown>;
}

/**
 * The campaign's units as a tree, each with a bar of collected ÷ quota, its pace in words and, below
 * the launching unit, what it remitted to its parent and what of that was confirmed
 * ("Chậm tiến độ" with an icon, not only a red bar: colour-blind officers and printouts read it too).
 * Units are in the API's order (by name); nothing here names or ranks individual givers.
 */
export function ProgressTree({ root, quotaSetterUnits, onSaveQuota }: Props) {
  return (
    <ul className="progress-tree" aria-label={root.unit.name}>
      <TreeNode node={root} parentId={null} quotaSetterUnits={quotaSetterUnits} onSaveQuota={onSaveQuota} />
    </ul>
  );
}

function TreeNode({ node, parentId, quotaSetterUnits, onSaveQuota }: { node: Node; parentId: string | null } & Omit<Props, 'root'>) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [editing, setEditing] = useState(false);
  const canSetQuota = parentId !== null && quotaSetterUnits.has(parentId);
  const labelId = `unit-${node.unit.id}`;
  const line =
    node.quota === null
      ? t('campaigns.detail.nodeNoQuota', { collected: formatVnd(node.collected, lang) })
      : t('campaigns.detail.nodeLine', { collected: formatVnd(node.collected, lang), quota: formatVnd(node.quota, lang) });
  const percent = node.quota === null ? null : percentText(node.percent, t, lang);
  return (
    <li className="progress-node" data-unit={node.unit.name}>
      <div className="progress-node-head">
        <strong id={labelId}>{node.unit.name}</strong>
        <PaceTag node={node} />
      </div>
      {node.quota !== null && (
        <Progress
          percent={barPercent(node.percent)}
          showInfo={false}
          aria-labelledby={labelId}
          aria-valuetext={`${line} (${percent})`}
          strokeColor={node.onPace === false ? '#b3261e' : '#1e6b34'}
        />
      )}
      <div className="progress-node-figures">
        <span className="progress-node-line">{line}</span>
        {percent && <span className="progress-node-percent">{percent}</span>}
        {canSetQuota && !editing && (
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} aria-label={t('campaigns.detail.quotaOf', { unit: node.unit.name })}>
            {t('campaigns.detail.editQuota')}
          </Button>
        )}
      </div>
      {parentId !== null && (
        // What the unit handed up and what of it the parent confirmed, in words (the root has no parent).
        <div className="progress-node-remitted muted">
          <span>{t('campaigns.remit.remitted', { amount: formatVnd(node.remitted, lang) })}</span>
          {' · '}
          <span>{t('campaigns.remit.confirmed', { amount: formatVnd(node.confirmed, lang) })}</span>
        </div>
      )}
      {canSetQuota && editing && (
        <QuotaEditor node={node} onCancel={() => setEditing(false)} onSave={async (amount) => {
          await onSaveQuota(node.unit.id, amount);
          setEditing(false);
        }} />
      )}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <TreeNode key={child.unit.id} node={child} parentId={node.unit.id} quotaSetterUnits={quotaSetterUnits} onSaveQuota={onSaveQuota} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function PaceTag({ node }: { node: Pick<Node, 'onPace'> }) {
  const { t } = useTranslation();
  const pace = paceOf(node);
  if (pace === 'none') return null;
  return pace === 'behind' ? (
    <Tag className="pace-tag pace-behind" icon={<WarningOutlined aria-hidden />}>
      {t('campaigns.pace.behind')}
    </Tag>
  ) : (
    <Tag className="pace-tag pace-ok" icon={<CheckCircleOutlined aria-hidden />}>
      {t('campaigns.pace.onPace')}
    </Tag>
  );
}

/** The quota in place: the amount (grouped as typed), Enter or "Lưu" saves, Esc or "Hủy bỏ" leaves it. */
function QuotaEditor({ node, onSave, onCancel }: { node: Node; onSave: (amount: number) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ amount?: number }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const label = t('campaigns.detail.quotaOf', { unit: node.unit.name });
  const submit = async ({ amount }: { amount?: number }) => {
    setSaving(true);
    setError(null);
    try {
      await onSave(amount!);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      className="quota-editor"
      initialValues={{ amount: node.quota ?? undefined }}
      onFinish={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <Form.Item
        name="amount"
        rules={[
          {
            validator: async (_, v: unknown) => {
              if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new Error(t('campaigns.detail.quotaInvalid'));
            },
          },
        ]}
      >
        <VndInput aria-label={label} autoFocus />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('campaigns.detail.saveQuota')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Form.Item>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
    </Form>
  );
}
