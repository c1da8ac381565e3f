import { Link } from 'react-router-dom';
import { isEditable, notOpenFor, type TApplicationStatus, type TInstitutionListItem } from '@jhrm/contracts';

interface Props {
  row: TInstitutionListItem;
  /** the kind the list starts (变更 or 注销) */
  what: '变更' | '注销';
  /** the institution's open application of that kind (not yet 审核通过), if any */
  open: { applicationId: string; status: TApplicationStatus } | null;
  /** the links of an open application that may still be edited (变更 / 材料上传 …) */
  openLinks: (applicationId: string) => { label: string; to: string }[];
  /** a saved application's page, and a new one's for this institution */
  pathOf: (applicationId: string) => string;
  newPath: (institutionId: string) => string;
}

/**
 * What a row of the 变更 and 注销 lists offers (guide 1.3 / 1.4): an institution in force may get a
 * new application; an open one is continued, or only shown once submitted; otherwise the row says
 * why not (contracts' notOpenFor, the same rule the server applies).
 */
export function KindRowActions({ row, what, open, openLinks, pathOf, newPath }: Props) {
  const blocker = notOpenFor(row, what);
  if (blocker) return <span className="inst-row-note">{blocker.note}</span>;
  if (open && isEditable(open.status)) {
    return (
      <div className="inst-row-actions">
        {openLinks(open.applicationId).map((l) => (
          <Link key={l.label} to={l.to}>
            {l.label}
          </Link>
        ))}
      </div>
    );
  }
  if (open) {
    return (
      <div className="inst-row-actions">
        <Link to={pathOf(open.applicationId)}>查看</Link>
        <span className="inst-row-note">
          {what}申请{open.status}
        </span>
      </div>
    );
  }
  return (
    <div className="inst-row-actions">
      <Link to={newPath(row.id)}>{what}</Link>
    </div>
  );
}
