/**
 * Minimal MP4 files built by hand (ftyp + moov/mvhd + mdat), for API tests, the bench, e2e
 * fixtures and the demo data. They are valid ISO-BMFF containers with a movie header, not
 * decodable video: enough for the server, which judges the container, never the codec.
 * No dependencies beyond Buffer.
 */

/** A box with a 32-bit size. */
export function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/** The 16-byte header of a box with a 64-bit size (size field 1, then `largesize`). */
export function largeBoxHeader(type: string, payloadBytes: number): Buffer {
  const head = Buffer.alloc(16);
  head.writeUInt32BE(1, 0);
  head.write(type, 4, 'latin1');
  head.writeBigUInt64BE(BigInt(16 + payloadBytes), 8);
  return head;
}

export function ftyp(majorBrand = 'isom', compatibleBrands = ['isom', 'iso2', 'avc1', 'mp41']): Buffer {
  const b = Buffer.alloc(8 + 4 * compatibleBrands.length);
  b.write(majorBrand, 0, 'latin1');
  b.writeUInt32BE(0x200, 4);
  compatibleBrands.forEach((brand, i) => b.write(brand, 8 + 4 * i, 'latin1'));
  return box('ftyp', b);
}

/** A complete movie header: version 0 (32-bit times) or 1 (64-bit), rate 1.0, volume 1.0, identity matrix. */
export function mvhd(timescale: number, duration: number | bigint, version: 0 | 1 = 0): Buffer {
  const times = version === 1 ? 8 + 8 + 4 + 8 : 4 + 4 + 4 + 4;
  const b = Buffer.alloc(4 + times + 80);
  b.writeUInt8(version, 0);
  let o = 4;
  if (version === 1) {
    o += 16; // creation and modification time: 0
    b.writeUInt32BE(timescale, o);
    b.writeBigUInt64BE(BigInt(duration), o + 4);
    o += 12;
  } else {
    o += 8;
    b.writeUInt32BE(timescale, o);
    b.writeUInt32BE(Number(duration), o + 4);
    o += 8;
  }
  b.writeUInt32BE(0x00010000, o); // rate 1.0
  b.writeUInt16BE(0x0100, o + 4); // volume 1.0
  const matrix = o + 4 + 2 + 10;
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((v, i) => b.writeUInt32BE(v, matrix + 4 * i));
  b.writeUInt32BE(2, matrix + 36 + 24); // next_track_ID
  return box('mvhd', b);
}

export interface Mp4Options {
  timescale?: number;
  duration?: number | bigint;
  mvhdVersion?: 0 | 1;
  majorBrand?: string;
  compatibleBrands?: string[];
}

/** ftyp + moov(mvhd): everything before the media data. */
export function mp4Prefix(opts: Mp4Options = {}): Buffer {
  return Buffer.concat([ftyp(opts.majorBrand, opts.compatibleBrands), box('moov', mvhd(opts.timescale ?? 1000, opts.duration ?? 5000, opts.mvhdVersion ?? 0))]);
}

/**
 * Header bytes of a file of `totalBytes` whose media data follows: ftyp + moov + a 64-bit mdat
 * header sized so the file ends exactly after the mdat. For streaming a large MP4 without holding it.
 */
export function mp4HeaderFor(totalBytes: number, opts: Mp4Options = {}): Buffer {
  const prefix = mp4Prefix(opts);
  const payload = totalBytes - prefix.length - 16;
  if (payload < 0) throw new Error(`an MP4 of ${totalBytes} bytes is too small`);
  return Buffer.concat([prefix, largeBoxHeader('mdat', payload)]);
}

/** A small, complete MP4 (5 s at the defaults) whose mdat holds `mdatBytes` of a repeating pattern. */
export function buildMp4(opts: Mp4Options & { mdatBytes?: number; largeMdat?: boolean } = {}): Buffer {
  const media = Buffer.alloc(opts.mdatBytes ?? 1024);
  for (let i = 0; i < media.length; i++) media[i] = (i * 31 + 7) & 0xff;
  const mdat = opts.largeMdat ? Buffer.concat([largeBoxHeader('mdat', media.length), media]) : box('mdat', media);
  return Buffer.concat([mp4Prefix(opts), mdat]);
}
