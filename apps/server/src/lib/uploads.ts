import type { FastifyRequest } from 'fastify';
import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from './app-error';
import { BlobTooLargeError, type BlobStore } from './blob-store';
import { DOCUMENT_EXTENSIONS, DOCUMENT_TYPES_LABEL, sniffDocument, type DocumentMime } from './file-type';

export interface UploadedDocument {
  name: string;
  sha256: string;
  size: number;
  mime: DocumentMime;
}

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const MAX_NAME_CHARS = 200;
/** an extension worth keeping when a long name is cut */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

/**
 * The name an uploaded file is stored and shown under, for every upload path (materials, 账号申诉
 * attachments, imports, video): the last part of a path (old browsers send `C:\\…\\营业执照.pdf`),
 * without control characters, invisible format characters (bidirectional overrides among them)
 * and lone surrogates, in NFC, trimmed, at most 200 characters with the extension kept. The name
 * is what a person chose, so it is cleaned rather than refused; if nothing is left it becomes
 * `文件.<extension>`, the extension of the type judged from the content.
 */
export function cleanFileName(raw: string | undefined, extension?: string): string {
  let name = (raw ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
    .normalize('NFC')
    .trim();
  if (/^\.*$/.test(name)) name = '';
  const chars = Array.from(name);
  if (chars.length > MAX_NAME_CHARS) {
    const ext = Array.from(EXTENSION.exec(name)?.[0] ?? '');
    name = chars.slice(0, MAX_NAME_CHARS - ext.length).join('').trimEnd() + ext.join('');
  }
  if (name) return name;
  return extension ? `文件.${extension}` : '文件';
}

/**
 * Reads a multipart form whose files are documents (PDF/JPG/PNG, judged by content): files stream
 * into the BlobStore as they arrive, fields are collected as text. A file of another type, or over
 * the size limit, fails the whole request with a message naming the file.
 */
export async function readDocumentForm(
  req: FastifyRequest,
  blobs: BlobStore,
  opts: { maxFiles: number; maxFileBytes?: number; beforeFiles?: (fields: Record<string, string>) => Promise<void> },
): Promise<{ fields: Record<string, string>; files: UploadedDocument[] }> {
  const maxFileBytes = opts.maxFileBytes ?? MAX_DOCUMENT_BYTES;
  if (!req.isMultipart()) throw new AppError(AppErrorCode.UNSUPPORTED_MEDIA, '请以表单方式提交（multipart/form-data）');
  const fields: Record<string, string> = {};
  const files: UploadedDocument[] = [];
  let checked = false;
  // checks on the text fields (a captcha) run before any file is stored, so bytes are not accepted from someone who failed them
  const check = async () => {
    if (!checked) await opts.beforeFiles?.(fields);
    checked = true;
  };
  for await (const part of req.parts({ limits: { files: opts.maxFiles, fileSize: maxFileBytes + 1, fields: 50, fieldSize: 10_000 } })) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value ?? '');
      continue;
    }
    await check();
    const name = cleanFileName(part.filename);
    let stored;
    try {
      stored = await blobs.put(part.file, maxFileBytes);
    } catch (err) {
      if (err instanceof BlobTooLargeError) {
        throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, `文件“${name}”超过 ${Math.round(maxFileBytes / 1024 / 1024)} MB，请压缩后再上传`);
      }
      throw err;
    }
    const mime = sniffDocument(stored.head);
    if (!mime) {
      // content-addressed: the same bytes may belong to an accepted file elsewhere, so the
      // cleanup job (which checks references) removes it, not this request
      throw new AppError(AppErrorCode.UNSUPPORTED_MEDIA, `文件“${name}”不是有效的 ${DOCUMENT_TYPES_LABEL} 文件（按文件内容判断，与扩展名无关）`);
    }
    files.push({ name: cleanFileName(part.filename, DOCUMENT_EXTENSIONS[mime]), sha256: stored.sha256, size: stored.size, mime });
  }
  await check();
  return { fields, files };
}
