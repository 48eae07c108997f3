import { AnimatePresence, motion, useReducedMotion } from 'framer-motion';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RendererApi } from '../../core/channels/rendererChannel';
import type { ShowView } from '../../core/view/showView';
import { type Preloaded, preloadView, warmUp } from '../assets/preload';
import type { SlideEnv } from './SlideEnv';
import { SlideView } from './SlideView';
import { type Motion, motionFor } from './transitions';

type Shown = Readonly<{ view: ShowView; preloaded: Preloaded }>;

const variants = {
  initial: (m: Motion) => m.initial,
  enter: (m: Motion) => ({ ...m.enter, transition: m.timing }),
  exit: (m: Motion) => ({ ...m.exit, transition: m.timing }),
};

/** Calls `fn` once the frame now being prepared has been painted. */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

type LayerProps = Readonly<{ shown: Shown; api: RendererApi; acked: Set<number>; motion: Motion }>;

/** One slide on the stage: enters with its transition and acknowledges its seq once painted. */
function SlideLayer({ shown, api, acked, motion: m }: LayerProps) {
  const { view, preloaded } = shown;
  const seq = view.seq;
  const slide = view.slide;
  const needsLength = slide?.type === 'video' && slide.duration === undefined;
  const [entered, setEntered] = useState(false);
  const [mediaMs, setMediaMs] = useState<number | null>(null);
  const [videoFailed, setVideoFailed] = useState(false);
  const reported = useRef(new Set<string>());

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
  const env = useMemo<SlideEnv>(
    () => ({ view, preloaded, still: false, report, mediaDuration }),
    [view, preloaded, report, mediaDuration],
  );

  useEffect(() => {
    if (!entered || acked.has(seq) || videoFailed) return;
    if (needsLength && mediaMs === null) return;
    acked.add(seq);
    afterPaint(() => api.presented(seq, ...(needsLength && mediaMs !== null ? [Math.round(mediaMs)] : [])));
  }, [entered, needsLength, mediaMs, videoFailed, acked, seq, api]);

  return (
    <motion.div
      className="layer"
      data-seq={seq}
      data-slide-type={slide?.type ?? 'idle'}
      custom={m}
      variants={variants}
      initial="initial"
      animate="enter"
      exit="exit"
      onAnimationComplete={(definition) => {
        if (definition === 'enter') setEntered(true);
      }}
    >
      <SlideView env={env} />
    </motion.div>
  );
}

/**
 * The rotation on screen. A new view's slide is put up only once its images are decoded and its video
 * can play (or their time-out passed), so the old slide stays until then: no blank frame. The two then
 * cross with the new view's transition; the new one acknowledges its seq once painted.
 */
export function ShowStage({ view, api }: Readonly<{ view: ShowView; api: RendererApi }>) {
  const [shown, setShown] = useState<Shown | null>(null);
  const latest = useRef<ShowView | null>(null);
  const acked = useRef(new Set<number>()).current;
  const reduced = useReducedMotion() ?? false;

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
      warmUp(newest);
    });
  }, [view]);

  const m = motionFor(shown?.view.transition ?? 'fade', reduced);
  return (
    <div className="show" data-shown-seq={shown?.view.seq ?? ''}>
      <AnimatePresence custom={m}>
        {shown === null ? null : <SlideLayer key={shown.view.seq} shown={shown} api={api} acked={acked} motion={m} />}
      </AnimatePresence>
    </div>
  );
}
