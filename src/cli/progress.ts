import type { CliOutput } from './io';

/**
 * One self-rewriting status line on stderr for long runs (pages done, rate, ETA), only when stderr
 * is a terminal: piped or redirected runs get nothing, so logs and JSON on stdout stay clean.
 */
export interface Progress {
  /** `fraction` (0–1) of the work done, when known, drives the ETA. */
  update(pages: number, fraction: number | null): void;
  end(): void;
}

const REDRAW_MS = 250;
const NO_PROGRESS: Progress = { update: () => undefined, end: () => undefined };

export function progressOn(stderr: CliOutput, label: string, now: () => number = Date.now): Progress {
  if (stderr.isTTY !== true) return NO_PROGRESS;
  const started = now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(pages, fraction) {
      const at = now();
      if (at - lastDraw < REDRAW_MS) return;
      lastDraw = at;
      const seconds = Math.max(0.001, (at - started) / 1000);
      const rate = pages / seconds;
      let line = `${label}: ${pages.toLocaleString('en-US')} pages · ${Math.round(rate).toLocaleString('en-US')} pages/s`;
      if (fraction !== null && fraction > 0) {
        const eta = (seconds / fraction) * (1 - fraction);
        line += ` · ${Math.floor(fraction * 100)}% · ETA ${formatSeconds(eta)}`;
      }
      stderr.write(`\r\u001b[2K${line}`);
      drawn = true;
    },
    end() {
      if (drawn) stderr.write('\r\u001b[2K');
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.ceil(s - m * 60)} s`;
}
