import { useSearchParams } from 'react-router-dom';
import { CreditForm } from '../../../features/credit/components/CreditForm';
import { creditDraft, prefillCredit } from '../../../features/credit/credit-draft';
import { CREDIT_QUERY_PATH, parseCreditOpen } from '../../../features/credit/paths';
import { ApplicationDraftPage } from '../ApplicationDraftPage';

/**
 * 人力资源诚信示范机构新增: /hr/integrity/new (?institution=…) and /hr/integrity/new/:applicationId.
 * The 诚信示范 form (credit) runs in the shared draft lifecycle (applications), whose drawer shows
 * the materials panel (materials) under the guide's 上传材料.
 */
export default function CreditPage() {
  const [searchParams] = useSearchParams();
  return (
    <ApplicationDraftPage
      kind={creditDraft}
      renderBody={(body) => <CreditForm {...body} />}
      prefill={prefillCredit(searchParams.get('institution'))}
      parseOpen={parseCreditOpen}
      back={{ path: CREDIT_QUERY_PATH, label: '返回人力资源诚信示范机构查询' }}
    />
  );
}
