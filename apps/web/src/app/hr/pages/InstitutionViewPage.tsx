import { Link, useParams } from 'react-router-dom';
import { beijingDay, type TUnitLicence } from '@jhrm/contracts';
import { useMe } from '../../../lib/session';
import { newReissuePath, newRenewalPath } from '../../../features/institutions/paths';
import InstitutionView from '../../../features/institutions/pages/InstitutionViewPage';
import { LicenceCard, UnavailableAction } from '../../../features/licences/components/LicenceCard';
import { renewalOffer } from '../../../features/licences/model/licence-status';

/**
 * 人力资源服务机构查看: the app layer composes the two features, the institution's record
 * (institutions) and its 人力资源服务许可证 / 备案凭证 with 下载许可证 (licences).
 */
export default function InstitutionViewPage() {
  const { id = '' } = useParams();
  const role = useMe().data?.user.role;
  // the agent applies for 补办 of a licence in force and, within its last 90 days, for 延续 (decision 0047)
  const actions = (l: TUnitLicence) => {
    if (role !== 'agent') return null;
    const renewal = renewalOffer(l, beijingDay(new Date()));
    return (
      <>
        {l.status === '有效' && !l.expired && <Link to={newReissuePath(id)}>许可证补办</Link>}
        {renewal &&
          (renewal.blocked ? (
            <UnavailableAction reason={renewal.blocked}>许可证延续</UnavailableAction>
          ) : (
            <Link to={newRenewalPath(id)}>许可证延续</Link>
          ))}
      </>
    );
  };
  return <InstitutionView licencePanel={<LicenceCard institutionId={id} actions={actions} />} />;
}
