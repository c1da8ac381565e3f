import { useSearchParams } from 'react-router-dom';
import { ChangeEditor } from '../../../features/institutions/components/ChangeEditor';
import { changeDraft, prefillChange } from '../../../features/institutions/change-draft';
import { CHANGE_LIST_PATH, parseChangeOpen } from '../../../features/institutions/paths';
import { ApplicationDraftPage } from '../ApplicationDraftPage';

/**
 * 机构变更申请: /hr/institutions/change/apply?institution=… (new) and …/apply/:applicationId. The
 * 变更 form (institutions) runs in the shared draft lifecycle (applications), whose drawers show
 * the materials and video panels (materials).
 */
export default function ChangePage() {
  const [searchParams] = useSearchParams();
  return (
    <ApplicationDraftPage
      kind={changeDraft}
      renderBody={(body) => <ChangeEditor {...body} />}
      prefill={prefillChange(searchParams.get('institution'))}
      parseOpen={parseChangeOpen}
      back={{ path: CHANGE_LIST_PATH, label: '返回人力资源服务机构变更' }}
    />
  );
}
