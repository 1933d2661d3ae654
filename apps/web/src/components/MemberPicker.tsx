import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { useMembers } from '../api/queries';

export type Member = Schemas['MemberDto'];

type Props = Omit<SelectProps<string | undefined>, 'options' | 'onChange' | 'value'> & {
  /** The unit whose registered members are offered. */
  unitId: string | undefined;
  /** The member's id, as a form field holds it. */
  value?: string;
  onChange?: (memberId: string | undefined) => void;
  /** The picked member (undefined when cleared), to fill in the fields that come from them. */
  onPick?: (member: Member | undefined) => void;
};

/** A member of a unit, found by typing part of the name (accents as typed); born-in year to tell namesakes apart. */
export function MemberPicker({ unitId, value, onChange, onPick, ...rest }: Props) {
  const { t } = useTranslation();
  const members = useMembers(unitId);
  const items = members.data?.items ?? [];
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={members.isPending}
      placeholder={t('form.memberPlaceholder')}
      notFoundContent={t('form.noMembers')}
      {...rest}
      value={value}
      onChange={(memberId: string | undefined) => {
        onChange?.(memberId);
        onPick?.(items.find((m) => m.id === memberId));
      }}
      options={items.map((m) => ({ value: m.id, label: m.birthYear ? `${m.fullName} (${m.birthYear})` : m.fullName }))}
    />
  );
}
