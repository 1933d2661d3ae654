import { DatePicker } from 'antd';
import dayjs from 'dayjs';

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  'aria-label'?: string;
};

/**
 * A calendar day as the API takes it ("2026-12-10"), shown and typed as Vietnamese write it
 * (10/12/2026) whatever the browser's language — a native date input would follow the browser and
 * show 12/10/2026 on an English one. Typing the day and Tab or Enter takes it; no day is greyed out:
 * the form's rule says why a day is refused, in the API's words.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      format="DD/MM/YYYY"
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
      allowClear={false}
      className="full-width"
    />
  );
}
