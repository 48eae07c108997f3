import { useEffect, useState } from 'react';
import type { ShowView } from '../../core/view/showView';
import { plainText } from '../text/languages';
import { fetchPreviewViews } from './fetchPreview';
import { StillSlide } from './StillSlide';

const THUMB = { width: 480, height: 270 } as const;

/** The preview page: every slide of the playlist as a live 1920×1080 stage scaled into a thumbnail. */
export function PreviewGrid() {
  const [views, setViews] = useState<readonly ShowView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchPreviewViews().then(setViews, (e: unknown) => setError(String(e)));
  }, []);
  if (error !== null) return <p className="preview-error">{error}</p>;
  if (views === null) return <p className="preview-loading">Loading the playlist…</p>;
  return (
    <main className="preview">
      <h1>
        {views[0] === undefined ? 'Playlist' : plainText(views[0].event.name, views[0].event.languages)}
      </h1>
      <ol className="preview-grid">
        {views.map((view) => (
          <li
            key={view.seq}
            className={view.notHere ? 'preview-item not-here' : 'preview-item'}
            data-preview-slide={view.slide?.id ?? 'idle'}
            data-not-here={view.notHere ? '' : undefined}
          >
            <StillSlide view={view} frame={THUMB} />
            <div className="preview-caption">
              <span className="preview-index">{view.position?.index ?? '–'}</span>
              <span className="preview-id">{view.slide?.id ?? 'idle'}</span>
              <span className="preview-type">{view.slide?.type ?? 'idle'}</span>
              <span className="preview-duration">
                {view.durationMs === null ? '' : `${Math.round(view.durationMs / 1000)} s`}
              </span>
              {view.slide?.on === undefined ? null : (
                <span className="preview-on" title="Plays only on these screens, groups or walls">
                  on {view.slide.on.join(', ')}
                </span>
              )}
              {view.notHere ? <span className="preview-not-here">not on {view.screen}</span> : null}
            </div>
          </li>
        ))}
      </ol>
    </main>
  );
}
