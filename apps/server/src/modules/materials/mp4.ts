import { open } from 'node:fs/promises';

/**
 * Just enough of ISO-BMFF (ISO/IEC 14496-12) to tell an MP4 from anything else and to read its
 * playing time: box headers are read one at a time with positioned reads, so a 2 GiB file costs a
 * handful of small reads, never its size in memory.
 */

/** Brands of the MP4 family (major or compatible); QuickTime's `qt  ` is deliberately not one. */
const MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9',
  'mp41', 'mp42', 'mp71', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'f4v ', 'dash', 'msnv', 'MSNV', 'XAVC', 'mmp4',
]);

/** A file with more top-level (or moov child) boxes than this is refused rather than walked. */
const MAX_BOXES = 100_000;
const MAX_FTYP_BYTES = 4096;

export type Mp4Probe =
  | { ok: true; majorBrand: string; compatibleBrands: string[]; timescale: number; duration: number; durationSeconds: number | null }
  | { ok: false; reason: string };

/** Reads up to `length` bytes at `position`; fewer at the end of the file. */
export type ByteReader = (position: number, length: number) => Promise<Buffer>;

interface Box {
  type: string;
  start: number;
  /** where the payload begins */
  body: number;
  end: number;
}

class Invalid extends Error {}

/** The box starting at `pos`, which must lie within [pos, limit). */
async function readBox(read: ByteReader, pos: number, limit: number, topLevel: boolean): Promise<Box> {
  const head = await read(pos, 16);
  if (head.length < 8 || pos + 8 > limit) throw new Invalid(`truncated box header at ${pos}`);
  const size32 = head.readUInt32BE(0);
  const type = head.toString('latin1', 4, 8);
  let size: number;
  let headerSize = 8;
  if (size32 === 1) {
    if (head.length < 16 || pos + 16 > limit) throw new Invalid(`truncated 64-bit size of ${type} at ${pos}`);
    const large = head.readBigUInt64BE(8);
    if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new Invalid(`${type} at ${pos} is impossibly large`);
    size = Number(large);
    headerSize = 16;
  } else if (size32 === 0) {
    // "extends to the end of the file": only meaningful for the last top-level box
    if (!topLevel) throw new Invalid(`${type} at ${pos} has size 0 inside a container`);
    size = limit - pos;
  } else {
    size = size32;
  }
  if (size < headerSize) throw new Invalid(`${type} at ${pos} is smaller than its header`);
  if (pos + size > limit) throw new Invalid(`${type} at ${pos} runs past the end (${pos + size} > ${limit})`);
  return { type, start: pos, body: pos + headerSize, end: pos + size };
}

/** Iterates the boxes of [start, end), each header read on its own. */
async function* boxes(read: ByteReader, start: number, end: number, topLevel: boolean): AsyncGenerator<Box> {
  let pos = start;
  for (let n = 0; pos < end; n++) {
    if (n >= MAX_BOXES) throw new Invalid(`more than ${MAX_BOXES} boxes`);
    const box = await readBox(read, pos, end, topLevel);
    yield box;
    pos = box.end;
  }
}

async function readFull(read: ByteReader, pos: number, length: number): Promise<Buffer> {
  const buf = await read(pos, length);
  if (buf.length < length) throw new Invalid(`truncated at ${pos}`);
  return buf;
}

/** mvhd: version 0 has 32-bit times and duration, version 1 64-bit ones. */
async function readMvhd(read: ByteReader, box: Box): Promise<{ timescale: number; duration: number | null }> {
  const version = (await readFull(read, box.body, 1))[0];
  const need = version === 1 ? 4 + 8 + 8 + 4 + 8 : 4 + 4 + 4 + 4 + 4;
  if (box.end - box.body < need) throw new Invalid('mvhd too short');
  const b = await readFull(read, box.body, need);
  if (version === 1) {
    const timescale = b.readUInt32BE(20);
    const d = b.readBigUInt64BE(24);
    return { timescale, duration: d === 0xffffffffffffffffn || d > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(d) };
  }
  if (version !== 0) throw new Invalid(`mvhd version ${version}`);
  const timescale = b.readUInt32BE(12);
  const d = b.readUInt32BE(16);
  return { timescale, duration: d === 0xffffffff ? null : d };
}

/** Fragmented files may leave mvhd's duration at 0 and give it in moov/mvex/mehd instead. */
async function readMehd(read: ByteReader, mvex: Box): Promise<number | null> {
  for await (const box of boxes(read, mvex.body, mvex.end, false)) {
    if (box.type !== 'mehd') continue;
    const version = (await readFull(read, box.body, 1))[0];
    const need = version === 1 ? 12 : 8;
    if (box.end - box.body < need) throw new Invalid('mehd too short');
    const b = await readFull(read, box.body, need);
    return version === 1 ? Number(b.readBigUInt64BE(4)) : b.readUInt32BE(4);
  }
  return null;
}

/**
 * Whether the bytes are an MP4: `ftyp` first with an MP4-family brand, a consistent top-level box
 * structure to the last byte (a truncated file fails), and a `moov` with an `mvhd`.
 */
export async function probeMp4Bytes(read: ByteReader, fileSize: number): Promise<Mp4Probe> {
  try {
    let ftyp: { major: string; compatible: string[] } | null = null;
    let movie: { timescale: number; duration: number | null } | null = null;
    for await (const box of boxes(read, 0, fileSize, true)) {
      if (!ftyp) {
        if (box.type !== 'ftyp') return { ok: false, reason: `first box is ${JSON.stringify(box.type)}, not ftyp` };
        const len = box.end - box.body;
        if (len < 8 || len > MAX_FTYP_BYTES || len % 4 !== 0) return { ok: false, reason: 'malformed ftyp' };
        const b = await readFull(read, box.body, len);
        const compatible: string[] = [];
        for (let i = 8; i < len; i += 4) compatible.push(b.toString('latin1', i, i + 4));
        ftyp = { major: b.toString('latin1', 0, 4), compatible };
        if (![ftyp.major, ...compatible].some((brand) => MP4_BRANDS.has(brand))) {
          return { ok: false, reason: `brands ${[ftyp.major, ...compatible].join(',')} are not MP4` };
        }
        continue;
      }
      if (box.type === 'moov' && !movie) {
        let mehd: number | null = null;
        for await (const child of boxes(read, box.body, box.end, false)) {
          if (child.type === 'mvhd' && !movie) movie = await readMvhd(read, child);
          else if (child.type === 'mvex') mehd = await readMehd(read, child);
        }
        if (movie && !movie.duration && mehd) movie.duration = mehd;
      }
    }
    if (!ftyp) return { ok: false, reason: 'empty file' };
    if (!movie) return { ok: false, reason: 'no moov/mvhd' };
    if (movie.timescale === 0) return { ok: false, reason: 'mvhd timescale is 0' };
    const durationSeconds = movie.duration === null ? null : Math.round((movie.duration / movie.timescale) * 1000) / 1000;
    return { ok: true, majorBrand: ftyp.major, compatibleBrands: ftyp.compatible, timescale: movie.timescale, duration: movie.duration ?? 0, durationSeconds };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, reason: err.message };
    throw err;
  }
}

/** {@link probeMp4Bytes} of a file on disk. */
export async function probeMp4File(file: string): Promise<Mp4Probe> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const read: ByteReader = async (position, length) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    };
    return await probeMp4Bytes(read, size);
  } finally {
    await fh.close();
  }
}
