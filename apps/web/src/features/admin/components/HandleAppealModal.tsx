import { useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { ZHandleAppealRequest, type TAppeal } from '@jhrm/contracts';
import { applyFieldErrors, zodRules } from '../../../lib/form';
import { useHandleAppeal } from '../api/admin-appeals.api';

interface Values {
  reply: string;
}

const replyRules = zodRules(ZHandleAppealRequest.shape.reply);
const REPLY_MAX = 500;

/** 处理 one 待处理 appeal: the 处理意见 is saved and sent to the applicant's phone by SMS. */
export function HandleAppealModal({ appeal, onClose }: { appeal: TAppeal | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const handle = useHandleAppeal();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    if (!appeal) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // shown on the field
    }
    setFormError(null);
    handle.mutate(
      { id: appeal.id, reply: values.reply },
      {
        onSuccess: () => {
          message.success('申诉已处理，处理意见已通过短信发送给申诉人');
          onClose();
        },
        onError: (e) => {
          const unplaced = applyFieldErrors(form, e.fieldErrors);
          if (e.fieldErrors.length === 0 || unplaced.length > 0) setFormError(unplaced[0]?.message ?? e.message);
        },
      },
    );
  };

  return (
    <Modal
      open={appeal !== null}
      title="处理账号申诉"
      okText="提交处理意见"
      cancelText="取消"
      width={600}
      maskClosable={false}
      confirmLoading={handle.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
    >
      {appeal && (
        <Descriptions
          size="small"
          column={1}
          className="appeal-handle-summary"
          items={[
            { key: 'account', label: '账号', children: appeal.account },
            { key: 'uscc', label: '统一社会信用代码', children: appeal.uscc },
            { key: 'contact', label: '联系人', children: `${appeal.contact}（${appeal.phone}）` },
            { key: 'description', label: '申诉说明', children: <span className="appeal-description-full">{appeal.description}</span> },
          ]}
        />
      )}
      <Alert
        className="appeal-handle-note"
        type="info"
        showIcon
        message={`处理意见将以短信发送给申诉人${appeal ? `（${appeal.phone}）` : ''}，提交后不能修改。`}
      />
      {formError && <Alert className="appeal-handle-note" type="error" showIcon message={formError} />}
      <Form<Values> form={form} layout="vertical">
        <Form.Item name="reply" label="处理意见" rules={replyRules}>
          <Input.TextArea
            rows={5}
            maxLength={REPLY_MAX}
            showCount
            placeholder="请输入处理意见，例如核实结果和后续办理方式"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
