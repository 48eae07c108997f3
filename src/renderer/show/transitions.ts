import type { TargetAndTransition, Transition } from 'framer-motion';
import type { TransitionName } from '../../core/playlist/types';
import { assertNever } from '../../core/assertNever';

/**
 * How a slide enters and leaves for one transition; only transform and opacity are animated. The leaving
 * slide stays opaque (it may move) and is removed once the arriving one has fully entered over it.
 */
export type Motion = Readonly<{
  initial: TargetAndTransition;
  enter: TargetAndTransition;
  exit: TargetAndTransition;
  timing: Transition;
}>;

const EASE: [number, number, number, number] = [0.22, 1, 0.36, 1];

/** The motion of `name`; with reduced motion every transition is a short fade (a cut stays a cut). */
export function motionFor(name: TransitionName, reduced: boolean): Motion {
  if (reduced && name !== 'cut') {
    return {
      initial: { opacity: 0 },
      enter: { opacity: 1 },
      exit: { opacity: 1 },
      timing: { duration: 0.2, ease: 'linear' },
    };
  }
  switch (name) {
    case 'fade':
      return {
        initial: { opacity: 0 },
        enter: { opacity: 1 },
        exit: { opacity: 1 },
        timing: { duration: 0.7, ease: 'easeInOut' },
      };
    case 'slide':
      return {
        initial: { x: '100%', opacity: 1 },
        enter: { x: '0%', opacity: 1 },
        exit: { x: '-100%', opacity: 1, transition: { duration: 0.8, ease: EASE } },
        timing: { duration: 0.8, ease: EASE },
      };
    case 'zoom':
      return {
        initial: { scale: 1.12, opacity: 0 },
        enter: { scale: 1, opacity: 1 },
        exit: { scale: 0.94, opacity: 1 },
        timing: { duration: 0.75, ease: EASE },
      };
    case 'cut':
      return {
        initial: { opacity: 1 },
        enter: { opacity: 1 },
        exit: { opacity: 1 },
        timing: { duration: 0 },
      };
    default:
      return assertNever(name);
  }
}
