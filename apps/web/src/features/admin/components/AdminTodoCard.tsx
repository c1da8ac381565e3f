import { Link } from 'react-router-dom';
import { Alert, Card, Descriptions, type DescriptionsProps } from 'antd';
import { PASSWORD_EXPIRY_WARNING_DAYS, STAFF_PASSWORD_MAX_AGE_DAYS, type TAdminTodo } from '@jhrm/contracts';
import { Spinner } from '../../../components/Spinner';
import { TodoCounts } from '../../../components/TodoCounts';
import { formatDateTime } from '../../../lib/format-datetime';
import { useAdminTodo } from '../api/admin-todo.api';
import { ADMIN_APPEALS_PATH, ADMIN_IMPORTS_PATH, ADMIN_REVIEWERS_PATH } from '../paths';
import './admin-todo.css';

function ExpiringPasswords({ expiring }: { expiring: TAdminTodo['expiringPasswords'] }) {
  if (expiring.total === 0) return <>{PASSWORD_EXPIRY_WARNING_DAYS}天内没有审核人员的密码到期</>;
  const more = expiring.total - expiring.items.length;
  return (
    <>
      <ul className="admin-todo-list">
        {expiring.items.map((r) => (
          <li key={r.id}>
            {r.name}（{r.account}
            {r.departmentName ? `，${r.departmentName}` : ''}）：{r.expired ? `已于${r.expiresOn}过期，下次登录须修改密码` : `${r.expiresOn}到期`}
          </li>
        ))}
      </ul>
      {more > 0 && <div>另有{more}人</div>}
      <Link to={ADMIN_REVIEWERS_PATH} className="hr-inline-link">
        审核人员管理
      </Link>
    </>
  );
}

function LastImport({ batch }: { batch: TAdminTodo['lastImport'] }) {
  return (
    <>
      {batch
        ? `${formatDateTime(batch.createdAt)}，${batch.createdBy} 导入“${batch.fileName}”：共${batch.totalRows}行，成功导入${batch.importedRows}家机构`
        : '尚未导入过机构数据'}{' '}
      <Link to={ADMIN_IMPORTS_PATH} className="hr-inline-link">
        数据导入
      </Link>
    </>
  );
}

/** What the 管理员 主页 shows from the 待办 answer (a pure view, tested on its own). */
export function AdminTodoView({ todo }: { todo: TAdminTodo }) {
  const items: DescriptionsProps['items'] = [
    {
      key: 'passwords',
      label: `${PASSWORD_EXPIRY_WARNING_DAYS}天内密码到期的审核人员`,
      children: <ExpiringPasswords expiring={todo.expiringPasswords} />,
    },
    { key: 'import', label: '最近一次机构导入', children: <LastImport batch={todo.lastImport} /> },
  ];
  return (
    <>
      <TodoCounts items={[{ label: '待处理账号申诉', count: todo.pendingAppeals, to: ADMIN_APPEALS_PATH, urgent: true }]} />
      <Descriptions className="admin-todo-details" column={1} items={items} />
      <div className="admin-todo-note">审核人员和管理员的密码每{STAFF_PASSWORD_MAX_AGE_DAYS}天须更换一次，到期后登录时须先修改密码。</div>
    </>
  );
}

/** 主页 of an administrator: appeals waiting, passwords about to expire, the last import. */
export function AdminTodoCard() {
  const todo = useAdminTodo();
  return (
    <Card title="待办" size="small">
      {todo.data ? <AdminTodoView todo={todo.data} /> : todo.isError ? <Alert type="error" showIcon message="待办事项加载失败，请刷新页面重试" /> : <Spinner />}
    </Card>
  );
}
