import { lazy, Suspense } from 'react';
import { Spinner } from '../../components/Spinner';
import type { PanelProps } from '../../features/applications/components/ApplicationDraftEditor';

// Every submission kind's drawers show the materials feature's panels (features do not import
// each other, so the app layer hands them to the draft lifecycle). They load when a drawer first
// opens (the video panel brings the tus client and the hashing worker), not with the form.
const MaterialsPanel = lazy(() =>
  import('../../features/materials/components/MaterialsPanel').then((m) => ({ default: m.MaterialsPanel })),
);
const VideoPanel = lazy(() => import('../../features/materials/components/VideoPanel').then((m) => ({ default: m.VideoPanel })));

export const renderMaterials = (p: PanelProps) => (
  <Suspense fallback={<Spinner />}>
    <MaterialsPanel applicationId={p.applicationId} editable={p.editable} notes={p.notes} />
  </Suspense>
);
export const renderVideo = (p: PanelProps) => (
  <Suspense fallback={<Spinner />}>
    <VideoPanel applicationId={p.applicationId} editable={p.editable} note={p.videoNote} />
  </Suspense>
);
