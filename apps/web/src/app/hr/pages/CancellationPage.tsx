import { useSearchParams } from 'react-router-dom';
import { CancellationEditor } from '../../../features/institutions/components/CancellationEditor';
import { cancellationDraft, prefillCancellation } from '../../../features/institutions/cancellation-draft';
import { CANCELLATION_LIST_PATH, parseCancellationOpen } from '../../../features/institutions/paths';
import { ApplicationDraftPage } from '../ApplicationDraftPage';

/**
 * 机构注销申请: /hr/institutions/cancellation/apply?institution=… (new) and …/apply/:applicationId.
 * The 注销 form (institutions) runs in the shared draft lifecycle (applications), whose drawer
 * shows the materials panel (materials).
 */
export default function CancellationPage() {
  const [searchParams] = useSearchParams();
  return (
    <ApplicationDraftPage
      kind={cancellationDraft}
      renderBody={(body) => <CancellationEditor {...body} />}
      prefill={prefillCancellation(searchParams.get('institution'))}
      parseOpen={parseCancellationOpen}
      back={{ path: CANCELLATION_LIST_PATH, label: '返回人力资源服务机构注销' }}
    />
  );
}
