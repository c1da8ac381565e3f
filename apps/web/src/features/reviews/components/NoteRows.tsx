import { Button, Form, Input, Space } from 'antd';
import type { FormListProps } from 'antd/es/form';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FormSelect } from '../../../components/FormControls';
import type { TargetGroup } from '../model/note-targets';

/**
 * The reviewer's notes on single fields or material slots (a decision's 单项意见, 补正's items): a
 * Form.List of a target picker and a message. `optionalTarget`: an item may be free text (补正).
 */
export function NoteRows({
  name,
  groups,
  head = '单项意见（标注到具体字段或材料，单位在相应位置看到）',
  noun = '单项意见',
  optionalTarget = false,
  rules,
}: {
  name: string;
  groups: TargetGroup[];
  head?: string;
  noun?: string;
  optionalTarget?: boolean;
  /** rules on the list as a whole (补正: at least one item) */
  rules?: FormListProps['rules'];
}) {
  return (
    <Form.List name={name} rules={rules}>
      {(fields, { add, remove }, { errors }) => (
        <div className="review-notes">
          <div className="review-notes-head">
            <span>{head}</span>
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>
              添加{noun}
            </Button>
          </div>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" className="review-note-row" wrap>
              <Form.Item name={[field.name, 'key']} rules={optionalTarget ? [] : [{ required: true, message: '请选择字段或材料' }]} className="review-note-target">
                <FormSelect
                  showSearch
                  allowClear={optionalTarget}
                  optionFilterProp="label"
                  placeholder={optionalTarget ? '字段或材料（可不选）' : '选择字段或材料'}
                  options={groups}
                  aria-label={`第${index + 1}条${noun}针对的字段或材料`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'message']} rules={[{ required: true, whitespace: true, message: '请填写内容' }]} className="review-note-message">
                <Input maxLength={500} placeholder={optionalTarget ? '需要补正的内容' : '意见'} aria-label={`第${index + 1}条${noun}`} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={`删除第${index + 1}条${noun}`} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
