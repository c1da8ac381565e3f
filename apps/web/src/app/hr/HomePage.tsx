import { Link } from 'react-router-dom';
import { Alert, Card, Descriptions, type DescriptionsProps } from 'antd';
import { ROLE_LABELS } from '@jhrm/contracts';
import { useCurrentUser } from '../../lib/session';
import { UnitInstitutionsTable } from '../../features/institutions/components/UnitInstitutionsTable';
import { UnitHomeNotices } from '../../features/institutions/components/UnitNotices';
import { AGENTS_PATH } from './hr-routes';

/**
 * 主页: who is signed in for which unit, and (for unit roles) the unit's institutions. The legal
 * person is told that its account manages agents and that business is done with agent accounts.
 */
export default function HomePage() {
  const user = useCurrentUser();
  const items: DescriptionsProps['items'] = [];
  if (user.unit) {
    items.push(
      { key: 'unit', label: '单位名称', children: user.unit.name },
      { key: 'uscc', label: '统一社会信用代码', children: user.unit.uscc },
    );
  } else if (user.department) {
    items.push({ key: 'department', label: '审批部门', children: user.department.name });
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
      <Card title={user.unit ? '单位信息' : '部门信息'} size="small">
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
