import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-datetime';

/** 已受理 YYYY-MM-DD beside 待审核: the 审批部门 has decided 受理 (撤回 is no longer possible; decision 0034). */
export function AcceptedTag({ acceptedAt }: { acceptedAt: string | null | undefined }) {
  if (!acceptedAt) return null;
  return (
    <span style={{ marginInlineStart: 6 }} title="审批部门已受理，不能再撤回">
      <StatusTag tone="info">已受理 {formatDateTime(acceptedAt).slice(0, 10)}</StatusTag>
    </span>
  );
}
