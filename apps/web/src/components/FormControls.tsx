import { Checkbox, Select, type SelectProps } from 'antd';
import type { BaseOptionType, DefaultOptionType } from 'antd/es/select';
import type { CheckboxGroupProps } from 'antd/es/checkbox';

/**
 * Form.Item hands its child `aria-required`; antd's Select and Checkbox.Group put it on their outer
 * <div>, where ARIA does not allow it (axe aria-allowed-attr, critical). These are the two controls
 * without it: the field's label keeps the required mark. Every form uses them inside Form.Item.
 */
type FormItemChild = { 'aria-required'?: unknown };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Select's own default value type
export function FormSelect<V = any, O extends BaseOptionType = DefaultOptionType>({ 'aria-required': _required, ...props }: SelectProps<V, O> & FormItemChild) {
  return <Select<V, O> {...props} />;
}

export function FormCheckboxGroup({ 'aria-required': _required, ...props }: CheckboxGroupProps & FormItemChild) {
  return <Checkbox.Group {...props} />;
}
