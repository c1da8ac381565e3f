import { useCurrentUser } from '../../../lib/session';
import { EstablishmentEditor } from '../../../features/institutions/components/EstablishmentEditor';
import { establishmentDraft, prefillEstablishment } from '../../../features/institutions/establishment-draft';
import { INSTITUTION_QUERY_PATH, parseOpen } from '../../../features/institutions/paths';
import { ApplicationDraftPage } from '../ApplicationDraftPage';

/**
 * 人力资源服务机构设立审批: /hr/institutions/establishment (new) and …/establishment/:applicationId.
 * The app layer composes three features: the 设立 form (institutions) runs in the shared draft
 * lifecycle (applications), whose drawers show the materials and video panels (materials).
 */
export default function EstablishmentPage() {
  const user = useCurrentUser();
  return (
    <ApplicationDraftPage
      kind={establishmentDraft}
      renderBody={(body) => <EstablishmentEditor {...body} />}
      prefill={prefillEstablishment(user.unit)}
      parseOpen={parseOpen}
      back={{ path: INSTITUTION_QUERY_PATH, label: '返回人力资源服务机构查询' }}
    />
  );
}
