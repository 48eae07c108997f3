import type { ShowView } from '../../core/view/showView';
import { assetUrl } from '../../core/view/assetUrl';
import { slideAssets } from '../../core/view/slideAssets';

/** What loading a view's assets found out: which failed, image sizes, and video lengths. */
export type Preloaded = Readonly<{
  /** Refs (as written in the playlist) that could not be loaded. */
  failed: ReadonlySet<string>;
  /** Natural width / height of each loaded image and video, by ref. */
  aspect: ReadonlyMap<string, number>;
  /** Length of each buffered video, ms, by ref. */
  videoMs: ReadonlyMap<string, number>;
  /** Why each failed ref failed. */
  errors: ReadonlyMap<string, string>;
}>;

/** How long an image may take to load and decode before the slide goes up anyway. */
export const IMAGE_TIMEOUT_MS = 6_000;
/** How long a video may take to buffer before the slide goes up anyway. */
export const VIDEO_TIMEOUT_MS = 5_000;

/** An empty result, for views without assets. */
export const NOTHING_PRELOADED: Preloaded = {
  failed: new Set(),
  aspect: new Map(),
  videoMs: new Map(),
  errors: new Map(),
};

// Why: decoded images stay in memory while referenced, so the <img> of the next slide paints at once.
const keep = new Map<string, HTMLImageElement>();
const KEEP_LIMIT = 160;

type ImageResult = { ok: true; aspect: number } | { ok: false; error: string };
type VideoResult = { ok: true; ms: number | null; aspect: number } | { ok: false; error: string };

/** Loads and decodes one image URL; resolves (never rejects) with its aspect ratio or the failure. */
export function loadImage(url: string): Promise<ImageResult> {
  return withTimeout(
    new Promise<ImageResult>((done) => {
      const img = new Image();
      img.decoding = 'async';
      img.src = url;
      img.decode().then(
        () => {
          keep.delete(url);
          keep.set(url, img);
          if (keep.size > KEEP_LIMIT) keep.delete(keep.keys().next().value ?? '');
          const w = img.naturalWidth;
          const h = img.naturalHeight;
          done({ ok: true, aspect: w > 0 && h > 0 ? w / h : 0 });
        },
        () => done({ ok: false, error: `could not load or decode ${url}` }),
      );
    }),
    IMAGE_TIMEOUT_MS,
    { ok: true, aspect: 0 },
  );
}

/** Buffers one video URL until it can play through; resolves with its length or the failure. */
export function loadVideo(url: string): Promise<VideoResult> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  const settled = new Promise<VideoResult>((done) => {
    const ms = (): number | null =>
      Number.isFinite(video.duration) && video.duration > 0 ? video.duration * 1000 : null;
    const aspect = (): number =>
      video.videoWidth > 0 && video.videoHeight > 0 ? video.videoWidth / video.videoHeight : 0;
    video.addEventListener('canplaythrough', () => done({ ok: true, ms: ms(), aspect: aspect() }), {
      once: true,
    });
    video.addEventListener(
      'error',
      () =>
        done({
          ok: false,
          error: `could not play ${url} (${video.error?.message || `media error ${video.error?.code ?? '?'}`})`,
        }),
      { once: true },
    );
    video.src = url;
    video.load();
  });
  return withTimeout(settled, VIDEO_TIMEOUT_MS, { ok: true, ms: null, aspect: 0 }).finally(() => {
    video.removeAttribute('src');
    video.load();
  });
}

/** Loads every image and video of the view's slide and theme; never rejects. */
export async function preloadView(view: ShowView): Promise<Preloaded> {
  const { images, videos } = slideAssets(view.slide, view.theme);
  if (images.length === 0 && videos.length === 0) return NOTHING_PRELOADED;
  const failed = new Set<string>();
  const aspect = new Map<string, number>();
  const videoMs = new Map<string, number>();
  const errors = new Map<string, string>();
  await Promise.all([
    ...images.map(async (ref) => {
      const r = await loadImage(assetUrl(ref, view.assetBase));
      if (r.ok) {
        if (r.aspect > 0) aspect.set(ref, r.aspect);
      } else {
        failed.add(ref);
        errors.set(ref, r.error);
      }
    }),
    ...videos.map(async (ref) => {
      const r = await loadVideo(assetUrl(ref, view.assetBase));
      if (!r.ok) {
        failed.add(ref);
        errors.set(ref, r.error);
      } else {
        if (r.ms !== null) videoMs.set(ref, r.ms);
        if (r.aspect > 0) aspect.set(ref, r.aspect);
      }
    }),
  ]);
  return { failed, aspect, videoMs, errors };
}

/** Decodes the images of the slide likely to come next, so its entry is instant; fire and forget. */
export function warmUp(view: ShowView): void {
  const { images } = slideAssets(view.upcoming, view.theme);
  for (const ref of images) {
    const url = assetUrl(ref, view.assetBase);
    if (!keep.has(url)) void loadImage(url);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    p.then((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}
