import type { KeyboardEvent } from 'react';
import { DatePicker, type DatePickerProps } from 'antd';

/**
 * A date field of a data-entry form. Enter confirms the typed date and stops there: a browser submits
 * the whole form on Enter in any of its fields, so confirming 身份证有效开始日期 registered the 法人
 * (and 确定 in a dialog fired) before the rest was filled. Query forms keep the plain DatePicker,
 * where Enter runs the query.
 */
export function DateField(props: DatePickerProps) {
  const { onKeyDown } = props;
  return (
    <DatePicker
      {...props}
      onKeyDown={(e: KeyboardEvent<HTMLElement>, preventDefault: () => void) => {
        if (e.key === 'Enter') e.preventDefault();
        onKeyDown?.(e, preventDefault);
      }}
    />
  );
}
