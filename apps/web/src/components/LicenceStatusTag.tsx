import type { TLicenceDisplayStatus } from '@jhrm/contracts';
import { StatusTag } from './StatusTag';
import { LICENCE_STATUS_TONE } from './licence-status';

export function LicenceStatusTag({ status }: { status: TLicenceDisplayStatus }) {
  return <StatusTag tone={LICENCE_STATUS_TONE[status]}>{status}</StatusTag>;
}
