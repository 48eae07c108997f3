import { describe, expect, it } from 'vitest';
import { byteSize, progressPrinter, progressText } from '../../../scripts/electron/progress.mjs';

const ZIP = 'https://mirror.example/v45.5.0/electron-v45.5.0-linux-x64.zip';
const SUMS = 'https://mirror.example/v45.5.0/SHASUMS256.txt';
const TOTAL = 108_000_000;

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { out: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('progressText', () => {
  it('shows the share of a known size and the bytes of an unknown one', () => {
    expect(progressText(36_720_000, TOTAL)).toBe('34% of 108.0 MB');
    expect(progressText(TOTAL, TOTAL)).toBe('100% of 108.0 MB');
    expect(progressText(12_345_678, null)).toBe('12.3 MB');
    expect(byteSize(1_500)).toBe('2 kB');
  });
});

describe('progressPrinter', () => {
  it('prints the URL once and one line per tenth in a log, however often the installer reports', () => {
    const { out, written } = recorder(false);
    const printer = progressPrinter(out);
    printer.onEvent({ event: 'request', url: ZIP });
    printer.onEvent({ event: 'response', url: ZIP, status: 200, statusText: 'OK', total: TOTAL });
    for (let bytes = 1_000_000; bytes < TOTAL; bytes += 1_000_000)
      printer.onEvent({ event: 'progress', url: ZIP, transferred: bytes, total: TOTAL });
    printer.onEvent({ event: 'end', url: ZIP, transferred: TOTAL, total: TOTAL });
    printer.finish();
    expect(written[0]).toBe(`Downloading ${ZIP}\n`);
    expect(written.slice(1)).toEqual([
      '  0% of 108.0 MB\n',
      ...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => `  ${p}% of 108.0 MB\n`),
      '  100% of 108.0 MB\n',
    ]);
  });

  it('rewrites one line on a terminal and ends it when the download ends or fails', () => {
    const { out, written } = recorder(true);
    const printer = progressPrinter(out);
    printer.onEvent({ event: 'request', url: ZIP });
    printer.onEvent({ event: 'progress', url: ZIP, transferred: 54_000_000, total: TOTAL });
    printer.finish();
    expect(written).toEqual([`Downloading ${ZIP}\n`, '\r  50% of 108.0 MB\x1b[K', '\n']);
  });

  it('stays quiet about the checksum file', () => {
    const { out, written } = recorder(false);
    const printer = progressPrinter(out);
    printer.onEvent({ event: 'request', url: SUMS });
    printer.onEvent({ event: 'end', url: SUMS, transferred: 100, total: 100 });
    expect(written).toEqual([]);
  });
});
