/**
 * Incremental SHA-256 (FIPS 180-4) for files too large to hold in memory: crypto.subtle.digest
 * takes the whole input at once, so a 2 GB video is hashed here slice by slice instead.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

export class Sha256 {
  private readonly h = new Int32Array(INITIAL);
  private readonly w = new Int32Array(64);
  /** Bytes of an unfinished 64-byte block, carried to the next update. */
  private readonly buffer = new Uint8Array(64);
  private buffered = 0;
  /** Total input length in bytes (a double is exact up to 2^53, far beyond any upload). */
  private length = 0;
  private finished = false;

  update(data: Uint8Array): this {
    if (this.finished) throw new Error('Sha256: update after digest');
    this.length += data.length;
    let offset = 0;
    if (this.buffered > 0) {
      const take = Math.min(64 - this.buffered, data.length);
      this.buffer.set(data.subarray(0, take), this.buffered);
      this.buffered += take;
      offset = take;
      if (this.buffered < 64) return this;
      this.compress(this.buffer, 0);
      this.buffered = 0;
    }
    const whole = data.length - ((data.length - offset) % 64);
    for (; offset < whole; offset += 64) this.compress(data, offset);
    if (offset < data.length) {
      this.buffer.set(data.subarray(offset), 0);
      this.buffered = data.length - offset;
    }
    return this;
  }

  digest(): Uint8Array {
    if (this.finished) throw new Error('Sha256: digest called twice');
    this.finished = true;
    const bitsHigh = Math.floor(this.length / 0x20000000);
    const bitsLow = (this.length * 8) >>> 0;
    const buf = this.buffer;
    buf[this.buffered] = 0x80;
    buf.fill(0, this.buffered + 1);
    if (this.buffered >= 56) {
      this.compress(buf, 0);
      buf.fill(0);
    }
    writeU32(buf, 56, bitsHigh);
    writeU32(buf, 60, bitsLow);
    this.compress(buf, 0);
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) writeU32(out, i * 4, this.h[i]!);
    return out;
  }

  digestHex(): string {
    return toHex(this.digest());
  }

  private compress(data: Uint8Array, p: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++, p += 4) {
      w[i] = (data[p]! << 24) | (data[p + 1]! << 16) | (data[p + 2]! << 8) | data[p + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    const h = this.h;
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + hh) | 0;
  }
}

function writeU32(out: Uint8Array, at: number, v: number): void {
  out[at] = v >>> 24;
  out[at + 1] = (v >>> 16) & 0xff;
  out[at + 2] = (v >>> 8) & 0xff;
  out[at + 3] = v & 0xff;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** SHA-256 of bytes held in memory, as lowercase hex. */
export function sha256Hex(data: Uint8Array): string {
  return new Sha256().update(data).digestHex();
}

export interface HashBlobOptions {
  /** Bytes read per step; small enough that the page stays responsive between steps. */
  sliceSize?: number;
  /** Called after every slice with the bytes hashed so far. */
  onProgress?: (hashed: number, total: number) => void;
  signal?: AbortSignal;
}

export const HASH_SLICE_BYTES = 4 * 1024 * 1024;

/**
 * SHA-256 of a File or Blob, read slice by slice (never whole in memory), as lowercase hex.
 * Rejects with an AbortError when `signal` is aborted.
 */
export async function sha256OfBlob(blob: Blob, opts: HashBlobOptions = {}): Promise<string> {
  const slice = Math.max(64, opts.sliceSize ?? HASH_SLICE_BYTES);
  const hash = new Sha256();
  const total = blob.size;
  opts.onProgress?.(0, total);
  for (let at = 0; at < total; at += slice) {
    opts.signal?.throwIfAborted();
    const bytes = new Uint8Array(await blob.slice(at, Math.min(total, at + slice)).arrayBuffer());
    opts.signal?.throwIfAborted();
    hash.update(bytes);
    opts.onProgress?.(Math.min(total, at + slice), total);
  }
  return hash.digestHex();
}
