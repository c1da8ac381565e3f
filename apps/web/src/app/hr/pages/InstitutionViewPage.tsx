import { Link, useParams } from 'react-router-dom';
import { useMe } from '../../../lib/session';
import { newReissuePath } from '../../../features/institutions/paths';
import InstitutionView from '../../../features/institutions/pages/InstitutionViewPage';
import { LicenceCard } from '../../../features/licences/components/LicenceCard';
import type { TUnitLicence } from '@jhrm/contracts';

/**
 * 人力资源服务机构查看: the app layer composes the two features, the institution's record
 * (institutions) and its 人力资源服务许可证 / 备案凭证 with 下载许可证 (licences).
 */
export default function InstitutionViewPage() {
  const { id = '' } = useParams();
  const role = useMe().data?.user.role;
  // the agent applies for 补办 of a licence in force (decision 0047)
  const actions = (l: TUnitLicence) => (role === 'agent' && l.status === '有效' && !l.expired ? <Link to={newReissuePath(id)}>许可证补办</Link> : null);
  return <InstitutionView licencePanel={<LicenceCard institutionId={id} actions={actions} />} />;
}
