import { useSearchParams } from 'react-router-dom';
import { beijingDay, renewalBlocked } from '@jhrm/contracts';
import { RenewalEditor } from '../../../features/institutions/components/RenewalEditor';
import { prefillRenewal, renewalDraft } from '../../../features/institutions/renewal-draft';
import { INSTITUTION_QUERY_PATH, parseCancellationOpen } from '../../../features/institutions/paths';
import { useUnitLicences } from '../../../features/licences/api/licences.api';
import { ApplicationDraftPage } from '../ApplicationDraftPage';

/**
 * 许可证延续申请: /hr/institutions/renewal/apply?institution=… (new, from the institution's 查看) and
 * …/apply/:applicationId. The 延续 form (institutions) runs in the shared draft lifecycle with the
 * materials panel; a new form shows the licence in force (licences), a saved one the server's view.
 */
export default function RenewalPage() {
  const [searchParams] = useSearchParams();
  const institutionId = searchParams.get('institution');
  const licences = useUnitLicences(institutionId ?? '');
  const inForce = licences.data?.find((l) => l.status === '有效');
  const licence = inForce ? { number: inForce.number, validUntil: inForce.validUntil, blocked: renewalBlocked(inForce, beijingDay(new Date())) } : null;
  return (
    <ApplicationDraftPage
      kind={renewalDraft}
      renderBody={(body) => <RenewalEditor {...body} licence={licence} />}
      prefill={prefillRenewal(institutionId)}
      parseOpen={parseCancellationOpen}
      back={{ path: INSTITUTION_QUERY_PATH, label: '返回人力资源服务机构查询' }}
    />
  );
}
