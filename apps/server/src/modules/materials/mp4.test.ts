import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { box, buildMp4, ftyp, largeBoxHeader, mp4HeaderFor, mp4Prefix, mvhd } from './mp4-builder';
import { probeMp4Bytes, probeMp4File, type ByteReader } from './mp4';

/** A reader over a buffer that counts what it was asked for. */
function bufferReader(buf: Buffer) {
  const stats = { reads: 0, bytes: 0 };
  const read: ByteReader = async (position, length) => {
    stats.reads++;
    const out = buf.subarray(position, Math.min(buf.length, position + length));
    stats.bytes += out.length;
    return Buffer.from(out);
  };
  return { read, stats };
}

const probe = (buf: Buffer) => probeMp4Bytes(bufferReader(buf).read, buf.length);

describe('probeMp4', () => {
  it('reads the duration of a version-0 mvhd (timescale 1000, duration 5000 → 5 s)', async () => {
    const r = await probe(buildMp4());
    expect(r).toMatchObject({ ok: true, majorBrand: 'isom', timescale: 1000, duration: 5000, durationSeconds: 5 });
  });

  it('reads a version-1 mvhd with a 64-bit duration', async () => {
    // 2^32 + 90000 ticks at 90 kHz: does not fit the 32-bit field
    const r = await probe(buildMp4({ mvhdVersion: 1, timescale: 90_000, duration: 2n ** 32n + 90_000n }));
    expect(r).toMatchObject({ ok: true, timescale: 90_000, duration: 2 ** 32 + 90_000 });
    expect(r.ok && r.durationSeconds).toBeCloseTo((2 ** 32 + 90_000) / 90_000, 3);
  });

  it('follows 64-bit box sizes (largesize) and a moov after a large mdat', async () => {
    const media = Buffer.alloc(5000, 1);
    const file = Buffer.concat([ftyp('mp42', ['mp42', 'isom']), largeBoxHeader('mdat', media.length), media, box('moov', mvhd(600, 1800))]);
    expect(await probe(file)).toMatchObject({ ok: true, majorBrand: 'mp42', durationSeconds: 3 });
  });

  it('skips a 4 GiB mdat with a few header reads, never reading the media', async () => {
    const total = 4 * 1024 ** 3 + 123;
    const header = mp4HeaderFor(total);
    const sparse: ByteReader = async (position, length) => (position < header.length ? header.subarray(position, Math.min(header.length, position + length)) : Buffer.alloc(0));
    let reads = 0;
    const counted: ByteReader = (p, l) => {
      reads++;
      return sparse(p, l);
    };
    expect(await probeMp4Bytes(counted, total)).toMatchObject({ ok: true, durationSeconds: 5 });
    expect(reads).toBeLessThan(10);
  });

  it('accepts a size-0 last box (extends to the end of the file)', async () => {
    const media = Buffer.alloc(100);
    const mdat = Buffer.concat([Buffer.from([0, 0, 0, 0]), Buffer.from('mdat', 'latin1'), media]);
    expect(await probe(Buffer.concat([mp4Prefix(), mdat]))).toMatchObject({ ok: true });
  });

  it('takes the duration of a fragmented file from mvex/mehd when mvhd says 0', async () => {
    const mehd = box('mehd', Buffer.from([0, 0, 0, 0, 0, 0, 0x0b, 0xb8])); // 3000
    const file = Buffer.concat([ftyp('iso5', ['iso5', 'dash']), box('moov', mvhd(1000, 0), box('mvex', mehd)), box('mdat', Buffer.alloc(10))]);
    expect(await probe(file)).toMatchObject({ ok: true, durationSeconds: 3 });
  });

  it('refuses a truncated file (the mdat runs past the end)', async () => {
    const whole = buildMp4({ mdatBytes: 4096 });
    const r = await probe(whole.subarray(0, whole.length - 100));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/runs past the end/);
  });

  it('refuses a file cut inside a box header', async () => {
    const prefix = mp4Prefix();
    expect((await probe(Buffer.concat([prefix, Buffer.from([0, 0, 0])]))).ok).toBe(false);
    expect((await probe(Buffer.concat([prefix, largeBoxHeader('mdat', 10).subarray(0, 12)]))).ok).toBe(false);
  });

  it('refuses a moov without mvhd, and a zero timescale', async () => {
    expect(await probe(Buffer.concat([ftyp(), box('moov', box('trak')), box('mdat')]))).toMatchObject({ ok: false, reason: 'no moov/mvhd' });
    expect((await probe(buildMp4({ timescale: 0 }))).ok).toBe(false);
  });

  it('refuses files that are not MP4: QuickTime brand, no ftyp first, other formats', async () => {
    expect((await probe(buildMp4({ majorBrand: 'qt  ', compatibleBrands: ['qt  '] }))).ok).toBe(false);
    expect((await probe(Buffer.concat([box('free'), buildMp4()]))).ok).toBe(false);
    expect((await probe(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'))).ok).toBe(false);
    expect((await probe(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0x1f]))).ok).toBe(false); // Matroska/WebM
    expect((await probe(Buffer.alloc(0))).ok).toBe(false);
  });

  it('refuses a box smaller than its header and a nested size-0 box', async () => {
    const tiny = Buffer.from([0, 0, 0, 4, 0x66, 0x72, 0x65, 0x65]);
    expect((await probe(Buffer.concat([mp4Prefix(), tiny]))).ok).toBe(false);
    const nested0 = Buffer.concat([ftyp(), box('moov', Buffer.from([0, 0, 0, 0, 0x6d, 0x76, 0x68, 0x64]))]);
    expect((await probe(nested0)).ok).toBe(false);
  });

  it('reads a file on disk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-mp4-'));
    const file = path.join(dir, 'a.mp4');
    writeFileSync(file, buildMp4({ largeMdat: true, mdatBytes: 10_000 }));
    expect(await probeMp4File(file)).toMatchObject({ ok: true, durationSeconds: 5 });
  });
});
