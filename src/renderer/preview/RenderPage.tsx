import { useEffect, useState } from 'react';
import type { ShowView } from '../../core/view/showView';
import { fetchPreviewViews } from './fetchPreview';
import { StillSlide } from './StillSlide';

/** Marks the page ready for a screenshot (`marquee render` waits for it). */
function markReady(): void {
  document.documentElement.dataset.renderReady = '1';
}

/** `index.html?render=<slide id>` (or `idle`): one slide as a still picture, for `marquee render`. */
export function RenderPage({ slideId }: Readonly<{ slideId: string }>) {
  const [view, setView] = useState<ShowView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchPreviewViews().then(
      (views) => {
        const found = views.find((v) => (v.slide?.id ?? 'idle') === slideId);
        if (found === undefined) setError(`no slide "${slideId}" in this playlist`);
        else setView(found);
      },
      (e: unknown) => setError(String(e)),
    );
  }, [slideId]);
  useEffect(() => {
    if (error !== null) {
      document.documentElement.dataset.renderError = error;
      markReady();
    }
  }, [error]);
  if (error !== null) return <pre className="render-error">{error}</pre>;
  return view === null ? null : <StillSlide view={view} onReady={markReady} />;
}
