import { Component, type ReactNode } from 'react';
import type { ShowView } from '../../core/view/showView';
import { wordingsOf } from '../text/languages';
import { Phrased } from '../text/Phrased';

type Props = Readonly<{ view: ShowView; children: ReactNode }>;
type State = Readonly<{ failed: boolean }>;

/** Catches a slide that throws while drawing and shows a plain title card instead of a blank screen. */
export class SlideErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn(
      `Marquee renderer: slide "${this.props.view.slide?.id ?? 'idle'}" could not be drawn:`,
      error,
    );
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { event } = this.props.view;
    return (
      <div className="slide fallback-card" data-fallback="">
        {wordingsOf(event.name, event.languages).map((w, i) => (
          <div key={w.lang} lang={w.lang} className={i === 0 ? 'fallback-primary' : 'fallback-secondary'}>
            <Phrased text={w.text} lang={w.lang} />
          </div>
        ))}
      </div>
    );
  }
}
