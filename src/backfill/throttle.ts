// The batch size, adapted as the run goes: it shrinks when a batch takes longer than the target or when
// more sessions wait on the batch's locks than before, or after a timeout, and grows back towards the
// size asked for while batches stay well under the target.
export interface ThrottleOptions {
  /** The largest batch (`--batch-size`). */
  max: number;
  /** Target duration of one batch's transaction, in ms. */
  targetMs: number;
  /** The smallest batch (default 10, or `max` when smaller). */
  min?: number;
}

export class Throttle {
  size: number;
  private readonly min: number;
  private lastWaiters = 0;
  private batches = 0;

  constructor(private readonly options: ThrottleOptions) {
    this.size = options.max;
    this.min = Math.min(options.min ?? 10, options.max);
  }

  /** Whether to ask who waits on this batch's locks: when it is slow (a quarter of the target), else every tenth. */
  shouldProbe(elapsedMs: number): boolean {
    this.batches += 1;
    return elapsedMs > this.options.targetMs / 4 || this.batches % 10 === 0;
  }

  /**
   * After a committed batch: how long it took and how many sessions waited on its locks at its end (null
   * when not asked: the last count stands).
   */
  record(elapsedMs: number, waiters: number | null): void {
    const { targetMs, max } = this.options;
    const waitsRose = waiters !== null && waiters > 0 && waiters > this.lastWaiters;
    if (waiters !== null) this.lastWaiters = waiters;
    if (elapsedMs > targetMs || waitsRose) {
      // Aim under the target: scale by how far over it the batch ran, at least halving on lock waits.
      const scale = elapsedMs > targetMs ? (targetMs / elapsedMs) * 0.8 : 0.5;
      this.size = Math.max(this.min, Math.floor(this.size * Math.min(scale, waitsRose ? 0.5 : 1)));
    } else if (elapsedMs < targetMs / 2 && this.size < max) {
      this.size = Math.min(max, Math.ceil(this.size * 1.5));
    }
  }

  /** After a lock or statement timeout: half the size. */
  shrink(): void {
    this.size = Math.max(this.min, Math.floor(this.size / 2));
  }
}
