import { Alert, Modal, Typography } from 'antd';
import type { TInitialPassword } from '@jhrm/contracts';

/**
 * The generated initial password, shown this once: the server keeps only its hash. Closing asks
 * nothing further; a lost password is simply reset again.
 */
export function InitialPasswordModal({ result, title, onClose }: { result: (TInitialPassword & { name: string }) | null; title: string; onClose: () => void }) {
  return (
    <Modal
      open={result !== null}
      title={title}
      okText="我已记下"
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      {result && (
        <>
          <p>
            审核人员「{result.name}」的账号：<strong data-testid="initial-account">{result.account}</strong>
          </p>
          <div className="sysadmin-password">
            <Typography.Text data-testid="initial-password" copyable={{ text: result.initialPassword, tooltips: ['复制', '已复制'] }}>
              {result.initialPassword}
            </Typography.Text>
          </div>
          <Alert
            type="warning"
            showIcon
            message="初始密码只显示这一次"
            description="请复制后通过安全方式告知本人。关闭后无法再次查看，如遗失请重新重置密码。该审核人员首次登录时须修改密码。"
          />
        </>
      )}
    </Modal>
  );
}
