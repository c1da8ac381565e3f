import { useSearchParams } from 'react-router-dom';
import { ReissueEditor } from '../../../features/institutions/components/ReissueEditor';
import { prefillReissue, reissueDraft } from '../../../features/institutions/reissue-draft';
import { INSTITUTION_QUERY_PATH, parseCancellationOpen } from '../../../features/institutions/paths';
import { ApplicationDraftPage } from '../ApplicationDraftPage';

/**
 * 许可证补办申请: /hr/institutions/reissue/apply?institution=… (new, from the institution's 查看) and
 * …/apply/:applicationId. The 补办 form runs in the shared draft lifecycle with the materials panel.
 */
export default function ReissuePage() {
  const [searchParams] = useSearchParams();
  return (
    <ApplicationDraftPage
      kind={reissueDraft}
      renderBody={(body) => <ReissueEditor {...body} />}
      prefill={prefillReissue(searchParams.get('institution'))}
      parseOpen={parseCancellationOpen}
      back={{ path: INSTITUTION_QUERY_PATH, label: '返回人力资源服务机构查询' }}
    />
  );
}
