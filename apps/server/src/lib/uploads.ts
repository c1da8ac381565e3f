import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { AppErrorCode } from '@jhrm/contracts';
import type { AppDeps } from '../deps';
import type { SessionUser } from '../modules/accounts/sessions.service';
import { AppError } from './app-error';
import { BlobTooLargeError, type StagedBlob } from './blob-store';
import { DOCUMENT_EXTENSIONS, DOCUMENT_TYPES_LABEL, sniffDocument, type DocumentMime } from './file-type';
import { ScannerUnavailableError, type OpenRange } from './malware-scan';

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

export const SCANNER_UNAVAILABLE = '文件安全检查暂不可用，请稍后再试';

/** Who sent an upload, for the audit entry of a detection. */
export interface Uploader {
  user: SessionUser | null;
  ip: string;
  unitId?: string | null;
  target?: { type: string; id: string };
}

type ScanDeps = Pick<AppDeps, 'scanner' | 'audit' | 'database'>;

/**
 * The malware scan every upload passes before anything interprets its bytes or a row refers to
 * them. A detection is refused and audited; a scanner that gives no verdict refuses the upload
 * too (503): nothing gets past unscanned while a scanner is configured.
 */
export async function assertClean(deps: ScanDeps, log: FastifyBaseLogger, file: { name: string; size: number; sha256: string; open: OpenRange }, who: Uploader): Promise<void> {
  let verdict;
  try {
    verdict = await deps.scanner.scan(file.size, file.open);
  } catch (err) {
    if (!(err instanceof ScannerUnavailableError)) throw err;
    log.error({ err, scanner: deps.scanner.description }, 'malware scan unavailable: upload refused');
    throw new AppError(AppErrorCode.UNAVAILABLE, SCANNER_UNAVAILABLE);
  }
  if (!verdict.infected) return;
  const { signature } = verdict;
  log.warn({ signature, sha256: file.sha256, size: file.size, userId: who.user?.id ?? null }, 'malware scan: upload refused');
  const u = who.user;
  await deps.audit.record(deps.database.db, {
    action: 'upload.infected',
    actorId: u?.id ?? null,
    actorAccount: u?.account ?? null,
    actorRole: u?.role ?? null,
    unitId: who.unitId ?? null,
    targetType: who.target?.type ?? null,
    targetId: who.target?.id ?? null,
    ip: who.ip,
    detail: { name: file.name, size: file.size, sha256: file.sha256, signature },
  });
  // clamd's AlertExceedsMax: a file too deep or too large to check completely is not let through either
  if (signature.startsWith('Heuristics.Limits.Exceeded')) {
    throw new AppError(AppErrorCode.UNSAFE_FILE, `文件“${file.name}”超出安全检查的限制，无法完成检查，已拒收`);
  }
  throw new AppError(AppErrorCode.UNSAFE_FILE, `文件“${file.name}”未通过安全检查（发现病毒或恶意代码），已拒收`);
}

export interface DocumentForm {
  fields: Record<string, string>;
  files: UploadedDocument[];
  /** Moves the files into the BlobStore: the last step of the transaction that records them. */
  commit(): Promise<void>;
}

/** Reads the multipart form of one request (withDocumentForm): what a route hands a service instead of the request. */
export type DocumentFormReader = <T>(opts: DocumentFormOptions, use: (form: DocumentForm) => Promise<T>) => Promise<T>;

export type DocumentFormOptions = { maxFiles: number; maxFileBytes?: number; uploader: Uploader; beforeFiles?: (fields: Record<string, string>) => Promise<void> };

export function documentFormOf(req: FastifyRequest, deps: ScanDeps & Pick<AppDeps, 'blobs'>): DocumentFormReader {
  return (opts, use) => withDocumentForm(req, deps, opts, use);
}

/**
 * Reads a multipart form whose files are documents (PDF/JPG/PNG, judged by content): files stream
 * into quarantine (`BlobStore.stage`) as they arrive, are judged by type and scanned for malware
 * there, fields are collected as text. A file of another type, over the size limit or refused by
 * the scan fails the whole request with a message naming the file.
 *
 * `use` records the files and calls `form.commit()` as the last step of its transaction. Whatever
 * else happens (a refusal here or in `use`, a failed transaction) the staged bytes are deleted
 * before this returns: a refused upload leaves nothing in the store.
 */
export async function withDocumentForm<T>(
  req: FastifyRequest,
  deps: ScanDeps & Pick<AppDeps, 'blobs'>,
  opts: DocumentFormOptions,
  use: (form: DocumentForm) => Promise<T>,
): Promise<T> {
  const maxFileBytes = opts.maxFileBytes ?? MAX_DOCUMENT_BYTES;
  if (!req.isMultipart()) throw new AppError(AppErrorCode.UNSUPPORTED_MEDIA, '请以表单方式提交（multipart/form-data）');
  const fields: Record<string, string> = {};
  const files: UploadedDocument[] = [];
  const staged: StagedBlob[] = [];
  let checked = false;
  // checks on the text fields (a captcha) run before any file is stored, so bytes are not accepted from someone who failed them
  const check = async () => {
    if (!checked) await opts.beforeFiles?.(fields);
    checked = true;
  };
  try {
    for await (const part of req.parts({ limits: { files: opts.maxFiles, fileSize: maxFileBytes + 1, fields: 50, fieldSize: 10_000 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      await check();
      const name = cleanFileName(part.filename);
      let stored;
      try {
        stored = await deps.blobs.stage(part.file, maxFileBytes);
      } catch (err) {
        if (err instanceof BlobTooLargeError) {
          throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, `文件“${name}”超过 ${Math.round(maxFileBytes / 1024 / 1024)} MB，请压缩后再上传`);
        }
        throw err;
      }
      staged.push(stored);
      const mime = sniffDocument(stored.head);
      if (!mime) {
        throw new AppError(AppErrorCode.UNSUPPORTED_MEDIA, `文件“${name}”不是有效的 ${DOCUMENT_TYPES_LABEL} 文件（按文件内容判断，与扩展名无关）`);
      }
      await assertClean(deps, req.log, { name, size: stored.size, sha256: stored.sha256, open: stored.read }, opts.uploader);
      files.push({ name: cleanFileName(part.filename, DOCUMENT_EXTENSIONS[mime]), sha256: stored.sha256, size: stored.size, mime });
    }
    await check();
    return await use({
      fields,
      files,
      commit: async () => {
        for (const s of staged) await s.commit();
      },
    });
  } finally {
    // committed files are kept; everything else (a refusal anywhere, a rolled-back transaction) goes now
    await Promise.all(staged.map((s) => s.discard()));
  }
}
