import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Playlist, SLIDE_TYPES } from '../../src/core/playlist/schema';

const DEMO = resolve(import.meta.dirname, '../../assets/demo');
const CHROMIUM = '/usr/bin/chromium';
const ASSET_KEYS = new Set(['src', 'poster', 'logo', 'photo', 'image']);

const raw: unknown = JSON.parse(readFileSync(join(DEMO, 'playlist.json'), 'utf8'));
const parsed = Playlist.safeParse(raw);
const playlist = parsed.success ? parsed.data : null;

/** Every value under an asset key (src, poster, logo, photo, image) anywhere in the JSON, with its path. */
function assetRefs(value: unknown, path = ''): { path: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => assetRefs(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    ASSET_KEYS.has(k) && typeof v === 'string'
      ? [{ path: `${path}.${k}`, ref: v }]
      : assetRefs(v, `${path}.${k}`),
  );
}

/** Every object in the JSON that carries a `zh` or an `en` key, with its path. */
function languageRecords(value: unknown, path = ''): { path: string; rec: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => languageRecords(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const rec = value as Record<string, unknown>;
  const own = 'zh' in rec || 'en' in rec ? [{ path, rec }] : [];
  return [...own, ...Object.entries(rec).flatMap(([k, v]) => languageRecords(v, `${path}.${k}`))];
}

/** All files under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The top-level MP4 box types in file order. */
function mp4Boxes(buf: Buffer): string[] {
  const boxes: string[] = [];
  let at = 0;
  while (at + 8 <= buf.length) {
    const size = buf.readUInt32BE(at);
    boxes.push(buf.toString('latin1', at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return boxes;
}

describe('the demo playlist (assets/demo/playlist.json)', () => {
  it('is a valid version-1 playlist', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('refers only to files that exist inside assets/demo', () => {
    const refs = assetRefs(raw);
    expect(refs.length).toBeGreaterThan(10);
    const bad = refs.filter(({ ref }) => {
      const file = resolve(DEMO, ref);
      return relative(DEMO, file).startsWith('..') || !existsSync(file);
    });
    expect(bad).toEqual([]);
  });

  it('references only sessions of its agenda, and ids are unique', () => {
    if (playlist === null) throw new Error('playlist.json does not validate; see the first test');
    const sessionIds = (playlist.sessions ?? []).map((s) => s.id);
    expect(new Set(sessionIds).size).toBe(sessionIds.length);
    const slideIds = playlist.slides.map((s) => s.id);
    expect(new Set(slideIds).size).toBe(slideIds.length);
    const dangling = playlist.slides.flatMap((s) =>
      'session' in s && s.session !== undefined && !sessionIds.includes(s.session)
        ? [`${s.id} → ${s.session}`]
        : [],
    );
    expect(dangling).toEqual([]);
  });

  it('has every session end after it starts', () => {
    if (playlist === null) throw new Error('playlist.json does not validate; see the first test');
    const backwards = (playlist.sessions ?? []).filter((s) => s.ends <= s.starts).map((s) => s.id);
    expect(backwards).toEqual([]);
  });

  it('shows every slide type at least once', () => {
    if (playlist === null) throw new Error('playlist.json does not validate; see the first test');
    const used = new Set(playlist.slides.map((s) => s.type));
    expect(SLIDE_TYPES.filter((t) => !used.has(t))).toEqual([]);
  });

  it('still plays most slides on days other than the event days', () => {
    if (playlist === null) throw new Error('playlist.json does not validate; see the first test');
    const always = playlist.slides.filter((s) => s.enabled !== false && s.when === undefined);
    expect(always.length).toBeGreaterThan(playlist.slides.length / 2);
    expect(playlist.slides.some((s) => s.when !== undefined)).toBe(true);
  });

  it('says everything in both Chinese and English', () => {
    const records = languageRecords(raw);
    expect(records.length).toBeGreaterThan(50);
    const oneSided = records
      .filter(
        ({ rec }) =>
          typeof rec.zh !== 'string' || typeof rec.en !== 'string' || rec.zh === '' || rec.en === '',
      )
      .map(({ path }) => path);
    expect(oneSided).toEqual([]);
  });
});

describe('the demo assets (assets/demo/)', () => {
  it('keeps the whole folder under 2 MB', () => {
    const total = filesUnder(DEMO).reduce((sum, f) => sum + statSync(f).size, 0);
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });

  it('ships a small H.264 MP4 with its index at the front (+faststart)', () => {
    const mp4 = readFileSync(join(DEMO, 'video/event-stream.mp4'));
    expect(mp4.length).toBeLessThan(1024 * 1024);
    const boxes = mp4Boxes(mp4);
    expect(boxes[0]).toBe('ftyp');
    expect(boxes.indexOf('moov')).toBeGreaterThan(-1);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(mp4.includes(Buffer.from('avc1'))).toBe(true);
  });

  it('draws its SVGs self-contained: no scripts and no outside references', () => {
    const svgs = filesUnder(DEMO).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(10);
    const offending = svgs.filter((f) =>
      /<script|href="(?:https?:|\/\/)|<image\b/i.test(readFileSync(f, 'utf8')),
    );
    expect(offending.map((f) => relative(DEMO, f))).toEqual([]);
  });

  it.skipIf(!existsSync(CHROMIUM))(
    'decodes every image in Chromium (skipped without /usr/bin/chromium)',
    async () => {
      const images = filesUnder(DEMO).filter((f) => /\.(svg|jpe?g|png)$/.test(f));
      const profile = mkdtempSync(join(tmpdir(), 'marquee-demo-test-'));
      const browser = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--no-first-run',
        ],
      });
      try {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(join(DEMO, 'playlist.json')).href);
        const sizes = await page.evaluate(
          (urls) =>
            Promise.all(
              urls.map(
                (url) =>
                  new Promise<[string, number, number]>((done) => {
                    const img = new Image();
                    img.onload = () => done([url, img.naturalWidth, img.naturalHeight]);
                    img.onerror = () => done([url, 0, 0]);
                    img.src = url;
                  }),
              ),
            ),
          images.map((f) => pathToFileURL(f).href),
        );
        const broken = sizes.filter(([, w, h]) => w < 100 || h < 100).map(([url]) => url);
        expect(sizes.length).toBe(images.length);
        expect(broken).toEqual([]);
      } finally {
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
