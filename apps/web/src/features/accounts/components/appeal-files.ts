/** 账号申诉 attachments: what the server accepts, checked before anything is sent. */
export const APPEAL_MAX_FILES = 5;
export const APPEAL_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const APPEAL_ACCEPT = '.pdf,.jpg,.jpeg,.png';
const EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'];

export interface FileLike {
  name: string;
  size: number;
}

/**
 * Why a file cannot be added to the appeal (type by extension, 20 MB, 5 files), or null. The
 * server judges the type again by content.
 */
export function appealFileProblem(file: FileLike, alreadyChosen: number): string | null {
  const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!EXTENSIONS.includes(ext)) return `文件“${file.name}”格式不支持，只能上传 PDF、JPG、PNG 文件`;
  if (file.size > APPEAL_MAX_FILE_BYTES) return `文件“${file.name}”超过 20 MB，请压缩后再上传`;
  if (file.size === 0) return `文件“${file.name}”是空文件，请重新选择`;
  if (alreadyChosen >= APPEAL_MAX_FILES) return `最多上传 ${APPEAL_MAX_FILES} 个附件`;
  return null;
}

/** 1.2 MB / 340 KB, for the file list. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
