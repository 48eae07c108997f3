import { PNG } from 'pngjs';
import type { CdpPipe } from './cdpPipe';
import type { DisplayCapture, ImageFormat } from './screenCapture';

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
  const capture = async (format: ImageFormat, width: number | null): Promise<Buffer> => {
    let clip: Record<string, number> | undefined;
    if (width !== null) {
      const metrics = (await onPage('Page.getLayoutMetrics')) as {
        cssLayoutViewport?: { clientWidth: number; clientHeight: number };
      };
      const vp = metrics.cssLayoutViewport;
      if (vp === undefined) throw new Error('the browser did not say how large its page is');
      // Why: scaled down only; a phone asking for more pixels than the screen has gets the screen's own.
      const scale = Math.min(1, width / vp.clientWidth);
      clip = { x: 0, y: 0, width: vp.clientWidth, height: vp.clientHeight, scale };
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
    image: (format, width) => capture(format, width),
    async tiny(width) {
      const png = PNG.sync.read(await capture('png', width));
      return { pixels: new Uint8Array(png.data), width: png.width, height: png.height, channels: 4 };
    },
    async reload() {
      await onPage('Page.reload', { ignoreCache: false });
    },
  };
}
