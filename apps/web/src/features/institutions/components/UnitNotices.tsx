import { Alert } from 'antd';
import { groupMissingFields, type TMissingField } from '@jhrm/contracts';
import { INITIAL_PAGE } from '../../../components/pagination';
import { useUnitInstitutions } from '../api/institutions.api';
import './institutions.css';

/**
 * The guide's second FAQ, said plainly: the signed-in unit's name differs from the name of an
 * institution with its USCC (the institution is shown all the same; it is linked by USCC).
 */
export function UnitNotices({ notices }: { notices: readonly string[] | undefined }) {
  if (!notices?.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      message="单位名称与机构名称不一致"
      description={
        notices.length === 1 ? (
          notices[0]
        ) : (
          <ul className="inst-notices">
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** 主页: the same notices, from the list the page shows anyway (same query, fetched once). */
export function UnitHomeNotices() {
  const query = useUnitInstitutions(INITIAL_PAGE.page, INITIAL_PAGE.pageSize);
  return <UnitNotices notices={query.data?.notices} />;
}

/**
 * The guide's first FAQ: an institution brought in by import may lack fields a 变更 asks for;
 * the unit is told exactly which, before it starts one.
 */
export function MissingForChangeAlert({ fields }: { fields: readonly TMissingField[] | undefined }) {
  if (!fields?.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      message={`办理变更时需补充以下 ${fields.length} 项信息`}
      description={
        <ul className="inst-notices">
          {groupMissingFields(fields).map(([section, labels]) => (
            <li key={section}>
              {section}：{labels.join('、')}
            </li>
          ))}
        </ul>
      }
    />
  );
}
