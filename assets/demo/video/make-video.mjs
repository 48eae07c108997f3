// Regenerates the demo's stream video (MP4 + WebM) and its poster: draws each frame on a canvas in
// headless Chromium and pipes the frames to ffmpeg. Run from the repo root:
//   node assets/demo/video/make-video.mjs
// Needs /usr/bin/chromium and ffmpeg (apt-get install -y ffmpeg).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const FPS = 25;
const SECONDS = 8;
const W = 1280;
const H = 720;

// Why: the drawing runs inside the page; every motion has a period that divides SECONDS, so the clip loops seamlessly.
const page = `<!doctype html><html><body style="margin:0;background:#000">
<canvas id="c" width="${W}" height="${H}"></canvas>
<script>
const W = ${W}, H = ${H}, T = ${SECONDS};
const ctx = document.getElementById('c').getContext('2d');
const cols = ['#5b4bff', '#7a4cf2', '#9a4fe0', '#c152c8', '#e455a8', '#ff5a7a', '#ff7a6a', '#ffa05a'];
const sink = { x: 1190, y: 380 };
const streams = Array.from({ length: 12 }, (_, i) => ({
  y0: 150 + i * 42, amp: 26 + 12 * Math.sin(i * 1.7), ph: i * 0.9, k: 1 + (i % 3) * 0.4,
  col: cols[i % cols.length], w: 2 + (i % 3),
  dots: Array.from({ length: 5 }, (_, j) => ({ u0: (j / 5 + i * 0.137) % 1, r: 4 + ((i * 7 + j * 3) % 4) * 2, laps: 1 + ((i + j) % 2) })),
}));
function at(s, u) {
  const x = u * sink.x;
  const conv = Math.pow(u, 2.2);
  const y = s.y0 * (1 - conv) + sink.y * conv + s.amp * (1 - conv) * Math.sin((x / 170) * s.k + s.ph);
  return [x, y];
}
window.draw = (t) => {
  const g = ctx.createLinearGradient(0, 0, W, H);
  g.addColorStop(0, '#070b24'); g.addColorStop(0.6, '#151040'); g.addColorStop(1, '#2a0f3d');
  ctx.fillStyle = g; ctx.fillRect(0, 0, W, H);
  const wx = ((t / T) * 2 % 1) * (W + 300) - 300;
  ctx.fillStyle = 'rgba(255,255,255,0.04)'; ctx.strokeStyle = 'rgba(255,255,255,0.14)';
  ctx.setLineDash([8, 10]); ctx.lineWidth = 2;
  ctx.beginPath(); ctx.roundRect(wx, 110, 220, 540, 18); ctx.fill(); ctx.stroke();
  ctx.setLineDash([]);
  for (const s of streams) {
    ctx.strokeStyle = s.col; ctx.globalAlpha = 0.45; ctx.lineWidth = s.w; ctx.beginPath();
    for (let u = 0; u <= 1.0001; u += 0.01) { const [x, y] = at(s, u); u === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y); }
    ctx.stroke();
    for (const d of s.dots) {
      const u = (d.u0 + (t / T) * d.laps) % 1;
      const [x, y] = at(s, u);
      const inWindow = x > wx && x < wx + 220;
      ctx.globalAlpha = Math.min(1, (1 - u) * 6) * (inWindow ? 1 : 0.8);
      ctx.fillStyle = inWindow ? '#ffffff' : s.col;
      ctx.beginPath(); ctx.arc(x, y, d.r * (inWindow ? 1.25 : 1), 0, Math.PI * 2); ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  const pulse = 1 + 0.12 * Math.sin((t / T) * Math.PI * 2 * 4);
  const rg = ctx.createRadialGradient(sink.x, sink.y, 0, sink.x, sink.y, 170 * pulse);
  rg.addColorStop(0, '#ffffff'); rg.addColorStop(0.25, '#ffb3c1');
  rg.addColorStop(0.6, 'rgba(255,90,122,0.45)'); rg.addColorStop(1, 'rgba(255,90,122,0)');
  ctx.fillStyle = rg; ctx.beginPath(); ctx.arc(sink.x, sink.y, 170 * pulse, 0, Math.PI * 2); ctx.fill();
  ctx.font = "700 34px 'Noto Sans CJK SC', sans-serif"; ctx.fillStyle = '#f5f7ff';
  ctx.fillText('Flink Forward China 2018', 56, 78);
  ctx.font = "400 24px 'Noto Sans CJK SC', sans-serif"; ctx.fillStyle = '#ff8aa0';
  ctx.fillText('流处理 · Stream processing', 58, 116);
};
</script></body></html>`;

const ffmpeg = (args) =>
  new Promise((resolve, reject) => {
    const p = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(undefined) : reject(new Error(`ffmpeg exited with ${code}`)),
    );
  });

const profile = mkdtempSync(join(tmpdir(), 'marquee-demo-video-'));
const frames = mkdtempSync(join(tmpdir(), 'marquee-demo-frames-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
  viewport: { width: W, height: H },
});
try {
  const tab = await browser.newPage();
  await tab.setContent(page);
  await tab.evaluate(() => document.fonts.ready);
  const canvas = tab.locator('#c');
  for (let i = 0; i < FPS * SECONDS; i++) {
    await tab.evaluate((t) => window.draw(t), i / FPS);
    await canvas.screenshot({ path: join(frames, `f${String(i).padStart(4, '0')}.png`) });
  }
} finally {
  await browser.close();
}
const input = ['-framerate', String(FPS), '-i', join(frames, 'f%04d.png')];
await ffmpeg([
  ...input,
  '-c:v',
  'libx264',
  '-preset',
  'slow',
  '-crf',
  '27',
  '-pix_fmt',
  'yuv420p',
  '-movflags',
  '+faststart',
  '-an',
  join(here, 'event-stream.mp4'),
]);
await ffmpeg([
  ...input,
  '-c:v',
  'libvpx-vp9',
  '-b:v',
  '0',
  '-crf',
  '40',
  '-pix_fmt',
  'yuv420p',
  '-an',
  join(here, 'event-stream.webm'),
]);
await ffmpeg(['-i', join(frames, 'f0000.png'), '-q:v', '4', join(here, 'event-stream-poster.jpg')]);
rmSync(frames, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });
