import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { PreviousUpload } from 'tus-js-client';
import { discardUnfinished, findUnfinished, videoUploadController } from './video-upload-controller';
import type { VideoUploadState } from './video-upload-state';

export interface ResumableVideoUpload {
  state: VideoUploadState;
  /** Checks the file, hashes it (读取校验中) unless an interrupted upload of it can resume, then uploads. */
  start: (file: File) => void;
  /** 暂停: stops sending; the bytes the server has are kept. */
  pause: () => void;
  /** 继续 after 暂停 or after a dropped connection. */
  resume: () => void;
  /** Stops hashing, or abandons the upload (and deletes the partial bytes on the server). */
  cancel: () => void;
  /** Back to idle after done / failed. */
  reset: () => void;
  /** This application's interrupted uploads remembered by the browser (e.g. before a reload). */
  unfinished: PreviousUpload[];
  /** Forgets an interrupted upload and deletes its partial bytes on the server. */
  discard: (previous: PreviousUpload) => Promise<void>;
}

/**
 * 场所视频光盘 upload for a view: the application's upload controller (which outlives the view:
 * closing the drawer does not stop an upload) and the interrupted uploads this browser remembers.
 * `onUploaded` runs when the server has accepted a video.
 */
export function useResumableVideoUpload(applicationId: string, onUploaded: () => void): ResumableVideoUpload {
  const controller = videoUploadController(applicationId);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const [unfinished, setUnfinished] = useState<PreviousUpload[]>([]);

  useEffect(() => {
    controller.onUploaded = onUploaded;
  }, [controller, onUploaded]);

  const refreshUnfinished = useCallback(() => {
    void findUnfinished(applicationId).then(setUnfinished);
  }, [applicationId]);

  useEffect(() => {
    refreshUnfinished();
  }, [refreshUnfinished, state.phase]);

  const discard = useCallback(
    async (previous: PreviousUpload) => {
      await discardUnfinished(previous);
      refreshUnfinished();
    },
    [refreshUnfinished],
  );

  return {
    state,
    start: useCallback((file: File) => controller.start(file), [controller]),
    pause: useCallback(() => controller.pause(), [controller]),
    resume: useCallback(() => controller.resume(), [controller]),
    cancel: useCallback(() => controller.cancel(), [controller]),
    reset: useCallback(() => controller.reset(), [controller]),
    unfinished,
    discard,
  };
}
