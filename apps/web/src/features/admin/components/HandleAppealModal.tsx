import { useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { APPEAL_ACTIONS, ZHandleAppealRequest, type TAppeal, type TAppealAction } from '@jhrm/contracts';
import { applyFieldErrors, zodRules } from '../../../lib/form';
import { useHandleAppeal } from '../api/admin-appeals.api';

interface Values {
  reply: string;
  action: TAppealAction;
}

/** What each way of handling does, as the admin reads it before choosing. */
const ACTION_HELP: Record<TAppealAction, (legal: string) => string> = {
  仅回复: () => '只把处理意见以短信发送给申诉人，不改动任何账号。',
  重置法人密码: (legal) => `为法人账号 ${legal} 生成新的初始密码并解除登录锁定，原密码和已登录的会话失效；初始密码随处理意见以短信发送给申诉人，登录后须立即修改。`,
  更换法人手机号: (legal) => `把法人账号 ${legal} 的手机号码更换为申诉人的手机号码，已登录的会话失效。`,
};

const replyRules = zodRules(ZHandleAppealRequest.shape.reply);
const REPLY_MAX = 500;

/**
 * 处理 one 待处理 appeal: the 处理意见 is saved and sent to the applicant's phone by SMS; for a USCC
 * with a registered unit the admin may also reset its legal person's password or change its phone.
 */
export function HandleAppealModal({ appeal, onClose }: { appeal: TAppeal | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const handle = useHandleAppeal();
  const [formError, setFormError] = useState<string | null>(null);
  const action = Form.useWatch('action', form) ?? '仅回复';
  const legal = appeal?.legalAccount ?? null;

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
      { id: appeal.id, reply: values.reply, action: values.action },
      {
        onSuccess: () => {
          message.success(values.action === '仅回复' ? '申诉已处理，处理意见已通过短信发送给申诉人' : `申诉已处理（${values.action}），结果已通过短信发送给申诉人`);
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
            { key: 'legal', label: '已注册的法人账号', children: appeal.legalAccount ?? '无（该代码尚未注册单位）' },
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
      <Form<Values> form={form} layout="vertical" initialValues={{ action: '仅回复' }}>
        <Form.Item
          name="action"
          label="处理方式"
          extra={legal ? ACTION_HELP[action](legal) : '该统一社会信用代码尚未注册单位，只能回复处理意见。'}
        >
          <Radio.Group
            options={APPEAL_ACTIONS.map((a) => ({ value: a, label: a, disabled: a !== '仅回复' && !legal }))}
            optionType="button"
          />
        </Form.Item>
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
