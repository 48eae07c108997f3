import { AnimatePresence, m, type TargetAndTransition, usePresence } from 'framer-motion';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RendererApi } from '../../core/channels/rendererChannel';
import type { ShowView } from '../../core/view/showView';
import { type Preloaded, preloadView, warmUp } from '../assets/preload';
import { backgroundStyle } from '../theme/themeStyle';
import type { SlideEnv } from './SlideEnv';
import { SlideView } from './SlideView';
import { atFrameNearest } from '../time/hostClock';
import { type Motion, motionFor } from './transitions';

type Shown = Readonly<{ view: ShowView; preloaded: Preloaded }>;

type Variants = Readonly<Record<'initial' | 'enter' | 'exit', () => TargetAndTransition>>;

/**
 * Variants that read the motion of the newest view when they run.
 * Why: the leaving slide must leave with the arriving slide's transition, and an exiting child keeps
 * the props it had, so the motion is looked up at animation time instead of passed down.
 */
function variantsOf(current: { readonly current: Motion }): Variants {
  return {
    initial: () => current.current.initial,
    enter: () => ({ ...current.current.enter, transition: current.current.timing }),
    exit: () => ({ transition: current.current.timing, ...current.current.exit }),
  };
}

/** Calls `fn` once the frame now being prepared has been painted. */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/** Tells the layers which seq has started moving in and which has fully entered, so the ones beneath can leave and go. */
type LayerBus = Readonly<{
  emit: (event: LayerEvent) => void;
  subscribe: (fn: (event: LayerEvent) => void) => () => void;
}>;

type LayerEvent = Readonly<{ kind: 'started' | 'entered'; seq: number }>;

function createBus(): LayerBus {
  const listeners = new Set<(event: LayerEvent) => void>();
  return {
    emit: (event) => {
      for (const l of [...listeners]) l(event);
    },
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** Calls `fn` once the frame now being prepared has been produced and the next one has begun. */
function afterFirstFrame(fn: () => void): () => void {
  let second = 0;
  const first = requestAnimationFrame(() => {
    second = requestAnimationFrame(fn);
  });
  return () => {
    cancelAnimationFrame(first);
    cancelAnimationFrame(second);
  };
}

/** User-timing marks of a slide's entry and its acknowledgement, for traces and the renderer and start benches. */
function markEntry(
  name: 'marquee:enter-start' | 'marquee:enter-end' | 'marquee:presented',
  seq: number,
): void {
  performance.mark(name, { detail: { seq } });
}

type LayerProps = Readonly<{
  shown: Shown;
  api: RendererApi;
  acked: Set<number>;
  variants: Variants;
  bus: LayerBus;
  /** Called once the slide has entered and been painted: loads what the slide after it needs. */
  warmNext: () => void;
  /** The slide comes in with a cut: nothing moves, so it has entered as it mounts (see `SlideLayer`). */
  cut: boolean;
}>;

/**
 * One slide on the stage: mounts still (its initial state: transparent or off screen), starts its transition
 * once its first frame has been produced, and acknowledges its seq once it has entered and been painted.
 * Why: mounting costs a React render, text fitting and a first raster of the whole slide; done before the motion
 * starts, that cost lands while the old slide stands still (nothing visibly stalls) instead of in a moving frame.
 * A cut has no motion to protect (its first state is its last): it is whole on screen in the frame that paints
 * its mount, so it has started and entered as it mounts and is acknowledged right after that frame (a page's
 * first slide is always cut; a wall's cut still waits for the wall's instant).
 */
function SlideLayer({ shown, api, acked, variants, bus, warmNext, cut }: LayerProps) {
  const { view, preloaded } = shown;
  const seq = view.seq;
  const slide = view.slide;
  const needsLength = slide?.type === 'video' && slide.duration === undefined;
  const flipAt = view.flipAt;
  const cutIn = useRef(cut && flipAt === undefined).current;
  const [entered, setEntered] = useState(cutIn);
  const [mediaMs, setMediaMs] = useState<number | null>(null);
  const [videoFailed, setVideoFailed] = useState(false);
  const reported = useRef(new Set<string>());
  const [isPresent, safeToRemove] = usePresence();
  const [exitDone, setExitDone] = useState(false);
  const [covered, setCovered] = useState(false);
  const [started, setStarted] = useState(cutIn);
  const [released, setReleased] = useState(false);
  useEffect(
    () =>
      bus.subscribe((e) => {
        if (e.seq <= seq) return;
        if (e.kind === 'started') setReleased(true);
        else setCovered(true);
      }),
    [bus, seq],
  );
  const paintedAt = useRef<number | undefined>(undefined);
  const missedFrames = useRef<number | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, at mount: a layer is cut in or not for its life
  useLayoutEffect(() => {
    if (!cutIn) return;
    markEntry('marquee:enter-start', seq);
    bus.emit({ kind: 'started', seq });
    markEntry('marquee:enter-end', seq);
    bus.emit({ kind: 'entered', seq });
  }, []);
  useEffect(() => {
    const start = (): void => {
      markEntry('marquee:enter-start', seq);
      setStarted(true);
      bus.emit({ kind: 'started', seq });
    };
    if (flipAt === undefined) return cutIn ? undefined : afterFirstFrame(start);
    // A wall: mounted still, the slide waits for the frame nearest the wall's instant, then enters.
    let cancelFlip = (): void => {};
    const cancelFirst = afterFirstFrame(() => {
      cancelFlip = atFrameNearest(flipAt, (frameHostTime, missed) => {
        paintedAt.current = frameHostTime;
        missedFrames.current = missed;
        start();
      });
    });
    return () => {
      cancelFirst();
      cancelFlip();
    };
  }, [bus, seq, flipAt, cutIn]);
  useEffect(() => {
    if (!isPresent && exitDone && covered) safeToRemove?.();
  }, [isPresent, exitDone, covered, safeToRemove]);

  const report = useCallback(
    (kind: 'image-failed' | 'video-failed', ref: string, message: string) => {
      const key = `${kind}\n${ref}`;
      if (reported.current.has(key)) return;
      reported.current.add(key);
      if (kind === 'video-failed') setVideoFailed(true);
      api.problem(seq, kind, ref, message.slice(0, 1000));
    },
    [api, seq],
  );
  const mediaDuration = useCallback((ms: number) => setMediaMs((prev) => prev ?? ms), []);
  const videoTime = useCallback(
    (mediaS: number, at: number, rate: number) => api.videoTime(seq, mediaS, at, rate),
    [api, seq],
  );
  const env = useMemo<SlideEnv>(
    () => ({ view, preloaded, still: false, report, mediaDuration, videoTime }),
    [view, preloaded, report, mediaDuration, videoTime],
  );

  // Why: a layout effect, so the frame `afterPaint` waits for is the one that paints this commit (a cut's first).
  useLayoutEffect(() => {
    if (!entered || acked.has(seq) || videoFailed) return;
    if (needsLength && mediaMs === null) return;
    acked.add(seq);
    afterPaint(() => {
      markEntry('marquee:presented', seq);
      api.presented(
        seq,
        needsLength && mediaMs !== null ? Math.round(mediaMs) : undefined,
        paintedAt.current,
        missedFrames.current,
      );
    });
  }, [entered, needsLength, mediaMs, videoFailed, acked, seq, api]);
  // Why: the next slide's images load and decode once this one is on screen, not while the page lays out and
  // paints it (a page's first slide: ~12 ms less main-thread work before it is up); registered after the
  // acknowledgement's effect, so it runs after it.
  useEffect(() => {
    if (entered) afterPaint(warmNext);
  }, [entered, warmNext]);

  return (
    <m.div
      className="layer"
      style={backgroundStyle(view.theme, view.assetBase)}
      data-seq={seq}
      data-slide-type={slide?.type ?? 'idle'}
      variants={variants}
      initial="initial"
      animate={isPresent || !released ? (started ? 'enter' : 'initial') : 'exit'}
      onAnimationComplete={(definition) => {
        if (definition === 'enter' && !entered) {
          markEntry('marquee:enter-end', seq);
          setEntered(true);
          bus.emit({ kind: 'entered', seq });
        } else if (definition === 'exit') setExitDone(true);
      }}
    >
      <SlideView env={env} />
    </m.div>
  );
}

/**
 * The rotation on screen. A new view's slide is put up only once its images are decoded and its video
 * can play (or their time-out passed), so the old slide stays until then: no blank frame. The new slide
 * then mounts still, and once its first frame is out both move with the new view's transition (the old one
 * stays opaque beneath until the new one has fully entered); the new one acknowledges its seq once painted.
 */
export function ShowStage({ view, api }: Readonly<{ view: ShowView; api: RendererApi }>) {
  const [shown, setShown] = useState<Shown | null>(null);
  const latest = useRef<ShowView | null>(null);
  const acked = useRef(new Set<number>()).current;

  useEffect(() => {
    const previousSeq = latest.current?.seq;
    latest.current = view;
    if (previousSeq === view.seq) {
      setShown((prev) => (prev !== null && prev.view.seq === view.seq ? { ...prev, view } : prev));
      return;
    }
    void preloadView(view).then((preloaded) => {
      const newest = latest.current;
      if (newest === null || newest.seq !== view.seq) return;
      setShown({ view: newest, preloaded });
    });
  }, [view]);

  const motionNow = useRef<Motion>(motionFor('fade', false));
  // Why: the page's first slide has nothing to move in over, so it is cut in: a screen that starts (after a power
  // cut, a reload) shows content in the first frame it can, instead of fading in from the background.
  const firstSeq = useRef<number | null>(null);
  if (firstSeq.current === null && shown !== null) firstSeq.current = shown.view.seq;
  const transition = shown === null || shown.view.seq === firstSeq.current ? 'cut' : shown.view.transition;
  // Why: read at every render, so a change of the system setting applies to the very next slide.
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  motionNow.current = motionFor(transition, reduced);
  const variants = useMemo(() => variantsOf(motionNow), []);
  const bus = useMemo(createBus, []);
  const warmNext = useCallback(() => {
    if (latest.current !== null) warmUp(latest.current);
  }, []);
  return (
    <div className="show" data-shown-seq={shown?.view.seq ?? ''}>
      <AnimatePresence>
        {shown === null ? null : (
          <SlideLayer
            key={shown.view.seq}
            shown={shown}
            api={api}
            acked={acked}
            variants={variants}
            bus={bus}
            warmNext={warmNext}
            cut={transition === 'cut'}
          />
        )}
      </AnimatePresence>
    </div>
  );
}
