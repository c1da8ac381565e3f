import { Link } from 'react-router-dom';
import type { TLicenceDisplayStatus } from '@jhrm/contracts';
import { LicenceStatusTag } from '../../../components/LicenceStatusTag';
import { licenceVerifyPagePath } from '../../../lib/public-paths';

/** A licence number linking to its verification, with its status when it is no longer in force. */
export function LicenceNumber({ number, status }: { number: string | null; status: TLicenceDisplayStatus | null }) {
  if (!number) return <span className="register-muted">—</span>;
  return (
    <span className="register-licence">
      <Link to={licenceVerifyPagePath(number)} title="核验此证书">
        {number}
      </Link>
      {status && status !== '有效' && <LicenceStatusTag status={status} />}
    </span>
  );
}
