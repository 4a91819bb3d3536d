/**
 * The journal's response bodies, copied into one byte ring of fixed size: what the journal holds
 * of them is bounded in bytes without a Buffer (and its bookkeeping) per record, and copying a
 * 14 KB answer in costs about a microsecond.
 */
export class ByteRing {
  private buffer?: Buffer;
  /** Bytes ever written: positions only grow, so a slice knows whether it was overwritten. */
  private written = 0;

  /** `capacity`: a whole number of bytes, at least 1 (startMock checks what a user passes). */
  constructor(readonly capacity: number) {}

  /** Copies `bytes` in (at most `capacity` of them are kept) and returns the slice that reads them back. */
  put(bytes: Uint8Array): RingSlice {
    const length = Math.min(bytes.length, this.capacity);
    // Allocated on first use: a mock whose journal stays small never touches most of its pages.
    const buf = (this.buffer ??= Buffer.allocUnsafeSlow(this.capacity));
    const start = this.written;
    const at = start % this.capacity;
    const first = Math.min(length, this.capacity - at);
    buf.set(bytes.subarray(0, first), at);
    if (first < length) buf.set(bytes.subarray(first, length), 0);
    this.written += length;
    return new RingSlice(this, start, length);
  }

  /** The bytes of [start, start + length), or undefined once newer writes have replaced them. */
  read(start: number, length: number): Buffer | undefined {
    if (!this.buffer || start < this.written - this.capacity) return undefined;
    const at = start % this.capacity;
    const first = Math.min(length, this.capacity - at);
    if (first === length) return Buffer.from(this.buffer.subarray(at, at + length));
    return Buffer.concat([this.buffer.subarray(at, at + first), this.buffer.subarray(0, length - first)]);
  }
}

/** A body held in a ByteRing; `length` is in bytes. */
export class RingSlice {
  constructor(
    private readonly ring: ByteRing,
    readonly start: number,
    readonly length: number,
  ) {}

  /** The body as text; a note in its place once newer bodies have taken its bytes. */
  text(): string {
    const bytes = this.ring.read(this.start, this.length);
    return bytes ? bytes.toString('utf8') : `<!-- journal: response body not kept; the journal keeps the newest ${this.ring.capacity} bytes of responses -->`;
  }
}
