import { Input, type InputProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupDigits, parseVnd } from '../lib/format';

type Props = Omit<InputProps, 'value' | 'onChange'> & {
  value?: number;
  onChange?: (value: number | undefined) => void;
};

/**
 * An amount in whole đồng, grouped by thousands as the user types ("60000000" shows "60.000.000"),
 * with the number keypad on phones. The form gets a number (or undefined), never the text. Kept a
 * plain Input rather than InputNumber, whose formatter fights the caret and accepts decimals.
 */
export function VndInput({ value, onChange, ...rest }: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Input
      {...rest}
      inputMode="numeric"
      autoComplete="off"
      suffix="₫"
      value={value === undefined ? '' : groupDigits(value, lang)}
      onChange={(e) => onChange?.(parseVnd(e.target.value))}
    />
  );
}
