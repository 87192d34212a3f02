// What the runner shows while it works: on a terminal, one progress bar per step redrawn in place (rows
// done, rows per second, ETA, batch size); elsewhere (CI logs), plain lines every few seconds.
import type { BackfillEvent } from './runner.js';

export interface DisplayOptions {
  write: (text: string) => void;
  isTTY: boolean;
  /** Plain lines at most this often (ms; default 5000). */
  everyMs?: number;
  now?: () => number;
}

const n = (value: number): string => Math.round(value).toLocaleString('en-US');

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** An event handler that draws the run. */
export function display(options: DisplayOptions): (event: BackfillEvent) => void {
  const now = options.now ?? (() => Date.now());
  const every = options.everyMs ?? 5000;
  let name = '';
  let estimate = 0;
  let base = 0;
  let startedAt = 0;
  let lastDraw = 0;
  let drawn = false;

  const line = (rowsDone: number, size: number): string => {
    const seconds = (now() - startedAt) / 1000;
    const rate = seconds > 0 ? (rowsDone - base) / seconds : 0;
    const left = Math.max(0, estimate - rowsDone);
    const eta = rate > 0 ? clock(left / rate) : '?';
    const share = estimate > 0 ? Math.min(1, rowsDone / estimate) : 0;
    const parts = [`${n(rowsDone)}${estimate > 0 ? ` of ~${n(estimate)}` : ''} rows`, `${n(rate)} rows/s`];
    if (estimate > 0) parts.push(`ETA ${eta}`);
    parts.push(`batch ${n(size)}`);
    if (!options.isTTY) return `${name}: ${parts.join(', ')}`;
    const width = 24;
    const full = Math.round(share * width);
    return `${name} [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(Math.round(share * 100)).padStart(3)}% ${parts.join(' · ')}`;
  };
  const endLine = (): void => {
    if (options.isTTY && drawn) options.write('\n');
    drawn = false;
  };

  return (event) => {
    switch (event.kind) {
      case 'step-start':
        name = event.step.name;
        estimate = event.rowsDone + event.estimate;
        base = event.rowsDone;
        startedAt = now();
        lastDraw = 0;
        options.write(
          `${name}: ${event.resumed ? `resuming after ${n(event.rowsDone)} rows done earlier` : 'starting'}; key ${event.table.keySource} (${event.table.key.map((k) => k.name).join(', ')}); about ${n(event.estimate)} rows need it\n`,
        );
        return;
      case 'batch': {
        const t = now();
        if (options.isTTY) {
          if (t - lastDraw < 100) return;
          options.write(`\r${line(event.rowsDone, event.size)}\x1b[K`);
          drawn = true;
        } else {
          if (t - lastDraw < every) return;
          options.write(`${line(event.rowsDone, event.size)}\n`);
        }
        lastDraw = t;
        return;
      }
      case 'retry':
        endLine();
        options.write(
          `${event.name}: ${event.reason}, retry ${event.attempt} in ${(event.waitMs / 1000).toFixed(1)} s with a smaller batch\n`,
        );
        return;
      case 'pass':
        endLine();
        options.write(
          `${name}: ${n(event.remaining)} rows behind the walk still need it (written meanwhile by code that does not fill them); pass ${event.pass} from the first key\n`,
        );
        return;
      case 'step-end':
        endLine();
        name = event.name;
        if (event.skipped) {
          options.write(`${name}: done in an earlier run\n`);
          return;
        }
        options.write(
          `${name}: ${n(event.rowsDone)} rows changed${event.remaining === null ? '; every key visited once (this step cannot tell a done row from one to do, so it is not counted again)' : event.remaining === 0 ? '; no row still needs it' : `; ${n(event.remaining)} rows still need it`}\n`,
        );
        return;
    }
  };
}
