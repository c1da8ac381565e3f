import type { TCancelStatus } from '@jhrm/contracts';
import { StatusTag } from '../../../components/StatusTag';

/** 注销状态 */
export function CancelStatusTag({ status }: { status: TCancelStatus }) {
  return <StatusTag tone={status === '注销' ? 'danger' : 'success'}>{status}</StatusTag>;
}
