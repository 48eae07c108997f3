import { type ComponentType, memo } from 'react';
import type { Slide } from '../../core/playlist/types';
import { slideRegistry } from '../slideRegistry';
import { IdleScreen } from '../slides/IdleScreen';
import { SlideErrorBoundary } from './SlideErrorBoundary';
import { type SlideEnv, SlideEnvContext } from './SlideEnv';

/**
 * Draws the view's slide (or the idle screen) with its environment, behind an error boundary.
 * Why memo: the layer around it changes state as its transition starts and ends; without it every such change
 * would render the whole slide again (text, clocks, time zone arithmetic) while the slides are moving.
 */
export const SlideView = memo(function SlideView({ env }: Readonly<{ env: SlideEnv }>) {
  const slide = env.view.slide;
  // Why: the registry is typed per slide type; indexing it by a union loses the pairing, so it is restored here.
  const Draw = slide === null ? null : (slideRegistry[slide.type] as ComponentType<{ slide: Slide }>);
  return (
    <SlideEnvContext.Provider value={env}>
      <SlideErrorBoundary view={env.view}>
        {Draw === null || slide === null ? <IdleScreen /> : <Draw slide={slide} />}
      </SlideErrorBoundary>
    </SlideEnvContext.Provider>
  );
});
