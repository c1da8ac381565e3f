import { useRef } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button, Result } from 'antd';
import { Spinner } from '../../../components/Spinner';
import { useCurrentUser } from '../../../lib/session';
import { useApplication } from '../../../lib/application-api';
import { ApplicationDraftEditor } from '../../../features/applications/components/ApplicationDraftEditor';
import { EstablishmentEditor } from '../../../features/institutions/components/EstablishmentEditor';
import { establishmentDraft, prefillEstablishment } from '../../../features/institutions/establishment-draft';
import { ESTABLISHMENT_PATH, INSTITUTION_QUERY_PATH, parseOpen } from '../../../features/institutions/paths';
import { renderMaterials, renderVideo } from '../application-panels';

/**
 * 人力资源服务机构设立审批: /hr/institutions/establishment (new) and …/establishment/:applicationId.
 * The app layer composes three features: the 设立 form (institutions) runs in the shared draft
 * lifecycle (applications), whose drawers show the materials and video panels (materials).
 * The first 保存 of a new form replaces the URL with the draft's own; the editor stays mounted
 * through that (same key), so nothing on the page is reset.
 */
export default function EstablishmentPage() {
  const { applicationId } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const user = useCurrentUser();

  const editor = useRef<{ id: string | undefined; generation: number; continuing: boolean }>({ id: applicationId, generation: 0, continuing: false });
  if (editor.current.id !== applicationId) {
    const state = location.state as { replacesTab?: string } | null;
    const continuing = !editor.current.id && !!applicationId && state?.replacesTab === ESTABLISHMENT_PATH;
    editor.current = { id: applicationId, generation: continuing ? editor.current.generation : editor.current.generation + 1, continuing };
  }
  const { generation, continuing } = editor.current;

  const query = useApplication(continuing ? undefined : applicationId);

  if (applicationId && !continuing) {
    if (query.isError) {
      return (
        <Result
          status="warning"
          title={query.error.message}
          extra={
            <Button type="primary" onClick={() => void navigate(INSTITUTION_QUERY_PATH)}>
              返回人力资源服务机构查询
            </Button>
          }
        />
      );
    }
    // Always the server's current content, never an older copy from the cache.
    if (!query.isFetchedAfterMount || !query.data) return <Spinner />;
  }

  return (
    <ApplicationDraftEditor
      key={generation}
      kind={establishmentDraft}
      initial={continuing ? undefined : query.data}
      prefill={prefillEstablishment(user.unit)}
      open={parseOpen(searchParams.get('open'))}
      onOpened={() => setSearchParams({}, { replace: true })}
      renderBody={(body) => <EstablishmentEditor {...body} />}
      renderMaterials={renderMaterials}
      renderVideo={renderVideo}
    />
  );
}
