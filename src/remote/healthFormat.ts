import type { Lang } from '../remote-shared/lang';

const UNITS = {
  en: { d: ' d', h: ' h', min: ' min', s: ' s', sep: ' ' },
  zh: { d: '天', h: '小时', min: '分钟', s: '秒', sep: '' },
} as const;

/** A time span as staff read it, to the two largest units: `45 s`, `12 min`, `3 h 12 min`, `2 d 3 h` (zh: `3小时12分钟`). */
export function formatSpan(ms: number, lang: Lang): string {
  const u = UNITS[lang];
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return h > 0 ? `${d}${u.d}${u.sep}${h}${u.h}` : `${d}${u.d}`;
  if (h > 0) return m > 0 ? `${h}${u.h}${u.sep}${m}${u.min}` : `${h}${u.h}`;
  if (m > 0) return `${m}${u.min}`;
  return `${s}${u.s}`;
}

/** A size in bytes with a decimal (SI) unit and at most three significant digits: `0 B`, `812 kB`, `4.2 MB`, `1.35 GB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
  let value = Math.max(0, Math.round(bytes));
  let unit = 0;
  // Why: 999,600 B must read "1 MB", not "1000 kB", so the unit moves up on the rounded value.
  while (unit < units.length - 1 && Number(value.toPrecision(3)) >= 1000) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
  const text = value.toFixed(digits);
  return `${text.includes('.') ? text.replace(/\.?0+$/, '') : text} ${units[unit]}`;
}

/** A message without the folders of the places it names (`/srv/show/playlist.json:3:5 …` → `playlist.json:3:5 …`); phones are narrow. */
export function withoutFolder(problem: string): string {
  return problem.replace(/(?<=^|\s)[^\s]*[\\/](?=[^\\/\s]+:\d+:\d+)/g, '');
}

/** Splits a problem line `FILE:LINE:COL  path  message` into its place and the rest, for a two-line layout. */
export function splitProblem(problem: string): Readonly<{ place: string | null; message: string }> {
  const short = withoutFolder(problem);
  const m = /^(\S+:\d+:\d+)\s+(.*)$/s.exec(short);
  return m?.[1] && m[2] !== undefined
    ? { place: m[1], message: m[2].trim() }
    : { place: null, message: short };
}
