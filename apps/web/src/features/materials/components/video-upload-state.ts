/**
 * The states of one 场所视频 upload, as a reducer the view renders:
 * idle → hashing (读取校验中) → uploading ⇄ paused → done, or failed (resumable or not).
 */
export type VideoUploadPhase = 'idle' | 'hashing' | 'uploading' | 'paused' | 'done' | 'failed';

export interface VideoUploadState {
  phase: VideoUploadPhase;
  fileName: string;
  fileSize: number;
  /** Bytes read for the SHA-256 so far. */
  hashed: number;
  /** Bytes the server has (or is receiving), per tus. */
  sent: number;
  /** Bytes per second over the last seconds; 0 when unknown. */
  speed: number;
  /** Set while tus waits to retry after a dropped connection or a server hiccup. */
  retry: { attempt: number; of: number } | null;
  /** Where a resumed upload started from (bytes already on the server), for the message. */
  resumedAt: number | null;
  error: string | null;
  /** After a failure: can 继续 pick up where it stopped (network, server busy) or must a file be chosen again? */
  resumable: boolean;
}

export type VideoUploadAction =
  | { type: 'hash-start'; name: string; size: number }
  | { type: 'hash-progress'; hashed: number }
  | { type: 'upload-start'; resumed: boolean }
  | { type: 'progress'; sent: number; speed: number }
  | { type: 'chunk-complete'; accepted: number }
  | { type: 'retrying'; attempt: number; of: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'done' }
  | { type: 'fail'; message: string; resumable: boolean }
  | { type: 'reset' };

export const INITIAL_VIDEO_UPLOAD: VideoUploadState = {
  phase: 'idle',
  fileName: '',
  fileSize: 0,
  hashed: 0,
  sent: 0,
  speed: 0,
  retry: null,
  resumedAt: null,
  error: null,
  resumable: false,
};

export function videoUploadReducer(state: VideoUploadState, action: VideoUploadAction): VideoUploadState {
  switch (action.type) {
    case 'hash-start':
      return { ...INITIAL_VIDEO_UPLOAD, phase: 'hashing', fileName: action.name, fileSize: action.size };
    case 'hash-progress':
      return state.phase === 'hashing' ? { ...state, hashed: action.hashed } : state;
    case 'upload-start':
      return { ...state, phase: 'uploading', hashed: state.fileSize, sent: 0, speed: 0, retry: null, error: null, resumable: false, resumedAt: action.resumed ? 0 : null };
    case 'progress': {
      if (state.phase !== 'uploading') return state;
      // the first progress of a resumed upload tells how much the server already had
      const resumedAt = state.resumedAt === 0 && state.sent === 0 ? action.sent : state.resumedAt;
      return { ...state, sent: action.sent, speed: action.speed, resumedAt };
    }
    case 'chunk-complete':
      return state.phase === 'uploading' ? { ...state, sent: Math.max(state.sent, action.accepted), retry: null } : state;
    case 'retrying':
      return state.phase === 'uploading' ? { ...state, retry: { attempt: action.attempt, of: action.of }, speed: 0 } : state;
    case 'pause':
      return state.phase === 'uploading' ? { ...state, phase: 'paused', speed: 0, retry: null } : state;
    case 'resume':
      return state.phase === 'paused' || (state.phase === 'failed' && state.resumable)
        ? { ...state, phase: 'uploading', speed: 0, retry: null, error: null, resumable: false }
        : state;
    case 'done':
      return { ...state, phase: 'done', sent: state.fileSize, speed: 0, retry: null, error: null };
    case 'fail':
      return { ...state, phase: 'failed', speed: 0, retry: null, error: action.message, resumable: action.resumable };
    case 'reset':
      return INITIAL_VIDEO_UPLOAD;
  }
}

/** 0–100 for the progress bar: hashing and uploading are shown as their own bars. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

/** Is something running that leaving the page would interrupt? */
export function isBusy(state: VideoUploadState): boolean {
  return state.phase === 'hashing' || state.phase === 'uploading';
}
