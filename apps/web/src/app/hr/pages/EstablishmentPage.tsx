import { lazy, Suspense, useRef } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button, Result } from 'antd';
import { Spinner } from '../../../components/Spinner';
import { useCurrentUser } from '../../../lib/session';
import { useApplication } from '../../../lib/application-api';
import { ApplicationDraftEditor, type PanelProps } from '../../../features/applications/components/ApplicationDraftEditor';
import { EstablishmentEditor } from '../../../features/institutions/components/EstablishmentEditor';
import { establishmentDraft, prefillEstablishment } from '../../../features/institutions/establishment-draft';
import { ESTABLISHMENT_PATH, INSTITUTION_QUERY_PATH, parseOpen } from '../../../features/institutions/paths';

// The app layer composes three features: the 设立 form (institutions) runs in the shared draft
// lifecycle (applications), which opens the materials and the video panels (materials) in its drawers. They load when a drawer first opens (the video panel
// brings the tus client and the hashing worker), not with the form.
const MaterialsPanel = lazy(() =>
  import('../../../features/materials/components/MaterialsPanel').then((m) => ({ default: m.MaterialsPanel })),
);
const VideoPanel = lazy(() => import('../../../features/materials/components/VideoPanel').then((m) => ({ default: m.VideoPanel })));

const renderMaterials = (p: PanelProps) => (
  <Suspense fallback={<Spinner />}>
    <MaterialsPanel applicationId={p.applicationId} editable={p.editable} notes={p.notes} />
  </Suspense>
);
const renderVideo = (p: PanelProps) => (
  <Suspense fallback={<Spinner />}>
    <VideoPanel applicationId={p.applicationId} editable={p.editable} note={p.videoNote} />
  </Suspense>
);

/**
 * 人力资源服务机构设立审批: /hr/institutions/establishment (new) and …/establishment/:applicationId.
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
