// The static reveal.js deck both renderer benches compare against: eight slides with the demo's kind of content
// (Chinese and English text, an SVG logo, a list), reveal.js's own CSS and script under `media/`.
import { join } from 'node:path';

/** reveal.js's built files (reveal.js, reveal.css, theme/), served as `/media/` next to the deck. */
export const REVEAL_DIST = join(import.meta.dirname, '..', 'node_modules', 'reveal.js', 'dist');

const slide = (i: number): string =>
  `<section><h2>Flink 在阿里巴巴云计算业务中的探索与应用 ${i}</h2><p>Exploring Flink in Alibaba's cloud computing business</p><svg width="420" height="120" viewBox="0 0 420 120"><rect width="420" height="120" rx="22" fill="#ff6a00"/><text x="210" y="76" font-size="48" fill="#fff" text-anchor="middle">阿里巴巴 Alibaba</text></svg><ul><li>以 Flink 为核心的实时计算平台</li><li>流批一体：一套引擎处理实时与历史数据</li></ul></section>`;

/** The deck's index.html; `script` runs after reveal.js has loaded (e.g. a recorder, or `Reveal.initialize`). */
export function revealDeckHtml(script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/media/reveal.css"><link rel="stylesheet" href="/media/theme/black.css"></head>
<body><div class="reveal"><div class="slides">${Array.from({ length: 8 }, (_, i) => slide(i)).join('')}</div></div>
<script src="/media/reveal.js"></script><script>${script}</script></body></html>`;
}
