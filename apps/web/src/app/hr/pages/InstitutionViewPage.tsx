import { Link, useParams } from 'react-router-dom';
import { beijingDay, REISSUE, RENEWAL, type TUnitLicence } from '@jhrm/contracts';
import { useMe } from '../../../lib/session';
import { newReissuePath, newRenewalPath, reissuePath, renewalPath } from '../../../features/institutions/paths';
import { useInstitution } from '../../../features/institutions/api/institutions.api';
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
  // the institution's open 补办 / 延续, which the card leads back to (the page's own query, cached)
  const requests = useInstitution(id).data?.licenceRequests ?? [];
  const open = (type: string) => requests.find((r) => r.type === type);

  // the agent applies for 补办 of a licence in force and, within its last 90 days, for 延续 (decision 0047)
  const actions = (l: TUnitLicence) => {
    if (role !== 'agent') return null;
    const reissue = open(REISSUE.name);
    const renewal = open(RENEWAL.name);
    const offer = renewalOffer(l, beijingDay(new Date()));
    return (
      <>
        {reissue ? (
          <Link to={reissuePath(reissue.applicationId)}>许可证补办（{reissue.status}）</Link>
        ) : (
          l.status === '有效' && !l.expired && <Link to={newReissuePath(id)}>许可证补办</Link>
        )}
        {renewal ? (
          <Link to={renewalPath(renewal.applicationId)}>许可证延续（{renewal.status}）</Link>
        ) : (
          offer &&
          (offer.blocked ? <UnavailableAction reason={offer.blocked}>许可证延续</UnavailableAction> : <Link to={newRenewalPath(id)}>许可证延续</Link>)
        )}
      </>
    );
  };
  return <InstitutionView licencePanel={<LicenceCard institutionId={id} actions={actions} />} />;
}
