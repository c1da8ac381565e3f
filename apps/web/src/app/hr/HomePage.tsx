import { Link } from 'react-router-dom';
import { Alert, Card, Descriptions, type DescriptionsProps } from 'antd';
import { DEPARTMENT_LEVEL_LABELS, ROLE_LABELS, type TMyDepartment } from '@jhrm/contracts';
import { useCurrentUser } from '../../lib/session';
import { UnitInstitutionsTable } from '../../features/institutions/components/UnitInstitutionsTable';
import { UnitHomeNotices } from '../../features/institutions/components/UnitNotices';
import { useMyDepartment } from '../../features/accounts/api/department.api';
import { ReviewTodoCard } from '../../features/reviews/components/ReviewTodoCard';
import { AdminTodoCard } from '../../features/admin/components/AdminTodoCard';
import { CreateAgentModal } from '../../features/accounts/components/CreateAgentModal';
import { AGENTS_PATH } from './hr-routes';

/** 部门信息: what the department is (name, code, level, parent); the session knows only its name until the rest arrives. */
export function departmentItems(name: string, department: TMyDepartment['department'] | undefined): DescriptionsProps['items'] {
  return [
    { key: 'department', label: '审批部门', children: department?.name ?? name },
    { key: 'code', label: '部门编码', children: department?.code ?? '' },
    { key: 'level', label: '部门级别', children: department ? DEPARTMENT_LEVEL_LABELS[department.level] : '' },
    { key: 'parent', label: '上级部门', children: department ? (department.parentName ?? '无（省级部门）') : '' },
  ];
}

/**
 * 主页: who is signed in for which unit or department. Unit roles see the unit's institutions;
 * a reviewer sees the department's 待办 (待审核 by deadline), an administrator its own 待办. The
 * legal person is told that its account manages agents and that business is done with agent accounts,
 * and can add one (新增经办人) right there.
 */
export default function HomePage() {
  const user = useCurrentUser();
  const dept = useMyDepartment(!!user.department);
  const items: DescriptionsProps['items'] = [];
  if (user.unit) {
    items.push(
      { key: 'unit', label: '单位名称', children: user.unit.name },
      { key: 'uscc', label: '统一社会信用代码', children: user.unit.uscc },
    );
  } else if (user.department) {
    items.push(...(departmentItems(user.department.name, dept.data?.department) ?? []));
  }
  items.push(
    { key: 'name', label: '姓名', children: user.name },
    { key: 'role', label: '角色', children: ROLE_LABELS[user.role] },
  );

  return (
    <div className="hr-stack">
      {user.role === 'legal' && (
        <Alert
          type="info"
          showIcon
          message="法人账号用于管理经办人；办理业务请使用经办人账号登录"
          // the legal person's first task, one click from the first page
          action={<CreateAgentModal />}
          description={
            <>
              办理业务需要使用“法人”账号所创建的“经办人”账号来登录办理。请在
              <Link to={AGENTS_PATH} className="hr-inline-link">
                经办人管理
              </Link>
              中新增、停用经办人或重置其密码。
            </>
          }
        />
      )}
      {user.unit && <UnitHomeNotices />}
      {user.role === 'reviewer' && <ReviewTodoCard />}
      {user.role === 'admin' && <AdminTodoCard />}
      <Card title={user.unit ? '单位信息' : user.department ? '部门信息' : '账号信息'} size="small">
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={items} />
      </Card>
      {user.unit && (
        <Card title="本单位人力资源服务机构" size="small">
          <UnitInstitutionsTable />
        </Card>
      )}
    </div>
  );
}
