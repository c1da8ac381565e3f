import { lazy, Suspense, useRef, type ReactNode } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { CannotOpen } from '../../components/CannotOpen';
import type { DraftBodyProps } from '../../components/draft-body';
import { Spinner } from '../../components/Spinner';
import { useApplication } from '../../lib/application-api';
import { ApplicationDraftEditor, type PanelProps } from '../../features/applications/components/ApplicationDraftEditor';
import type { DraftKind, DraftOpen } from '../../features/applications/useApplicationDraft';

// Every submission kind's drawers show the materials feature's panels (features do not import
// each other, so the app layer hands them to the draft lifecycle). They load when a drawer first
// opens (the video panel brings the tus client and the hashing worker), not with the form.
const MaterialsPanel = lazy(() =>
  import('../../features/materials/components/MaterialsPanel').then((m) => ({ default: m.MaterialsPanel })),
);
const VideoPanel = lazy(() => import('../../features/materials/components/VideoPanel').then((m) => ({ default: m.VideoPanel })));

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

export interface ApplicationDraftPageProps<V, D> {
  kind: DraftKind<V, D>;
  /** The kind's form body (its feature's component). */
  renderBody: (body: DraftBodyProps<V>) => ReactNode;
  /** A new form's values before anything is typed. */
  prefill?: (blank: V) => V;
  /** ?open= of the kind's links (a list's row actions) → what to open on arrival. */
  parseOpen: (value: string | null) => DraftOpen | null;
  /** Where to go when the application cannot be opened, e.g. 返回人力资源服务机构查询. */
  back: { path: string; label: string };
}

/**
 * A submission kind's page, at `kind.newPath` (new) and `kind.pathOf(id)` (a saved draft, the
 * route's :applicationId): loads the application, then runs the kind's form body in the shared
 * draft lifecycle with the materials and video panels in its drawers. The first 保存 of a new form
 * replaces the URL with the draft's own; the editor stays mounted through that (same key), so
 * nothing on the page is reset.
 */
export function ApplicationDraftPage<V extends object, D>({ kind, renderBody, prefill, parseOpen, back }: ApplicationDraftPageProps<V, D>) {
  const { applicationId } = useParams();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();

  const editor = useRef<{ id: string | undefined; generation: number; continuing: boolean }>({ id: applicationId, generation: 0, continuing: false });
  if (editor.current.id !== applicationId) {
    const state = location.state as { replacesTab?: string } | null;
    const continuing = !editor.current.id && !!applicationId && state?.replacesTab === kind.newPath;
    editor.current = { id: applicationId, generation: continuing ? editor.current.generation : editor.current.generation + 1, continuing };
  }
  const { generation, continuing } = editor.current;

  const query = useApplication(continuing ? undefined : applicationId);

  if (applicationId && !continuing) {
    if (query.isError) {
      return (
        <CannotOpen message={query.error.message} backPath={back.path} backLabel={back.label} />
      );
    }
    // Always the server's current content, never an older copy from the cache.
    if (!query.isFetchedAfterMount || !query.data) return <Spinner />;
  }

  return (
    <ApplicationDraftEditor
      key={generation}
      kind={kind}
      initial={continuing ? undefined : query.data}
      {...(prefill ? { prefill } : {})}
      open={parseOpen(searchParams.get('open'))}
      onOpened={() => setSearchParams({}, { replace: true })}
      renderBody={renderBody}
      renderMaterials={renderMaterials}
      renderVideo={renderVideo}
    />
  );
}
