/** Why 文件上传 / 文件删除 are disabled once an application is submitted (待审核, 审核通过). */
export const READ_ONLY_REASON = '当前状态不能修改材料';

/** 材料上传: what the server accepts (SPEC §4.2), checked before anything is sent. */
export const MATERIAL_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MATERIAL_ACCEPT = '.pdf,.jpg,.jpeg,.png';
/** The server takes at most this many files per request. */
export const MATERIAL_MAX_FILES_PER_UPLOAD = 20;
const EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'];

export interface FileLike {
  name: string;
  size: number;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Why a file cannot be uploaded as a material (type by extension, empty, over 20 MB), or null. The server judges the type again by content. */
export function materialFileProblem(file: FileLike): string | null {
  if (!EXTENSIONS.includes(extensionOf(file.name))) return `文件“${file.name}”格式不支持，只能上传 PDF、JPG、PNG 文件`;
  if (file.size === 0) return `文件“${file.name}”是空文件，请重新选择`;
  if (file.size > MATERIAL_MAX_FILE_BYTES) return `文件“${file.name}”超过 20 MB（${formatFileSize(file.size)}），请压缩后再上传`;
  return null;
}

/** Every problem of a selection, one message each; an empty list means it may be sent. */
export function materialSelectionProblems(files: readonly FileLike[]): string[] {
  const problems = files.map(materialFileProblem).filter((p): p is string => p !== null);
  if (files.length > MATERIAL_MAX_FILES_PER_UPLOAD) problems.push(`每次最多上传 ${MATERIAL_MAX_FILES_PER_UPLOAD} 个文件，请分批上传`);
  return problems;
}

/** A file size for people: 812 B, 23.4 KB, 1.5 MB, 1.20 GB. */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

export type PreviewKind = 'pdf' | 'image' | 'none';

/** How 查看文件 shows a stored file: PDFs in a frame, images as images, anything else only as a download. */
export function previewKind(mime: string): PreviewKind {
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'image/png' || mime === 'image/jpeg') return 'image';
  return 'none';
}
