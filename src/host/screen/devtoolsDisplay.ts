import { PNG } from 'pngjs';
import type { CdpPipe } from './cdpPipe';

/** Raw pixels of a capture: `channels` bytes a pixel, row by row. */
export type Pixels = Readonly<{ pixels: Uint8Array; width: number; height: number; channels: 3 | 4 }>;

/** What the host can do with one display it can see: capture it, small or whole, and reload its page. */
export type DisplayCapture = Readonly<{
  /** The whole screen as an image. */
  image(format: 'jpeg' | 'png'): Promise<Buffer>;
  /** The screen scaled down to about `width` pixels wide, as raw pixels (the watchdog's look). */
  tiny(width: number): Promise<Pixels>;
  /** Reloads the page on it. */
  reload(): Promise<void>;
}>;

/**
 * The display of a browser this host started, seen through its DevTools pipe: the first page target
 * (the kiosk page), attached once and again whenever the page was replaced.
 */
export function devtoolsDisplay(pipe: CdpPipe): DisplayCapture {
  let session: Promise<string> | null = null;
  const attach = async (): Promise<string> => {
    const { targetInfos } = (await pipe.send('Target.getTargets')) as {
      targetInfos?: { targetId: string; type: string }[];
    };
    const page = targetInfos?.find((t) => t.type === 'page');
    if (page === undefined) throw new Error('the browser shows no page');
    const { sessionId } = (await pipe.send('Target.attachToTarget', {
      targetId: page.targetId,
      flatten: true,
    })) as { sessionId?: string };
    if (sessionId === undefined) throw new Error('the browser did not attach to its page');
    return sessionId;
  };
  const onPage = async (method: string, params: Record<string, unknown> = {}) => {
    session ??= attach();
    try {
      return await pipe.send(method, params, await session);
    } catch (err) {
      // Why: a crashed or replaced page ends its session; attach to the page there is now and try once more.
      session = attach();
      void session.catch(() => {
        session = null;
      });
      if (!pipe.open()) throw err;
      return pipe.send(method, params, await session);
    }
  };
  const capture = async (format: 'jpeg' | 'png', scale: number | null): Promise<Buffer> => {
    let clip: Record<string, number> | undefined;
    if (scale !== null) {
      const metrics = (await onPage('Page.getLayoutMetrics')) as {
        cssLayoutViewport?: { clientWidth: number; clientHeight: number };
      };
      const vp = metrics.cssLayoutViewport;
      if (vp === undefined) throw new Error('the browser did not say how large its page is');
      clip = { x: 0, y: 0, width: vp.clientWidth, height: vp.clientHeight, scale: scale / vp.clientWidth };
    }
    const { data } = (await onPage('Page.captureScreenshot', {
      format,
      ...(format === 'jpeg' ? { quality: 80 } : {}),
      ...(clip === undefined ? {} : { clip }),
    })) as { data?: string };
    if (data === undefined) throw new Error('the browser sent no screenshot');
    return Buffer.from(data, 'base64');
  };
  return {
    image: (format) => capture(format, null),
    async tiny(width) {
      const png = PNG.sync.read(await capture('png', width));
      return { pixels: new Uint8Array(png.data), width: png.width, height: png.height, channels: 4 };
    },
    async reload() {
      await onPage('Page.reload', { ignoreCache: false });
    },
  };
}
