import { AnimatePresence, m } from 'framer-motion';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SlideOf } from '../../core/playlist/types';
import { AssetImage } from '../assets/AssetImage';
import { Placeholder } from '../assets/Placeholder';
import { SlideFrame } from '../show/SlideFrame';
import { useSlideEnv } from '../show/SlideEnv';
import { layoutSponsorWall } from '../sponsors/sponsorWall';
import { FitText } from '../text/FitText';
import { UI } from '../text/uiText';
import { useNow } from '../time/clock';

/** Aspect ratio assumed for a sponsor drawn as a wordmark: wider for longer names. */
function wordmarkAspect(name: string): number {
  return Math.min(3.2, Math.max(1.6, name.length * 0.28));
}

/** A sponsor wall by tier, first tier biggest, logos at equal optical size; pages itself when too full. */
export function SponsorsSlide({ slide }: Readonly<{ slide: SlideOf<'sponsors'> }>) {
  const { view, preloaded, still } = useSlideEnv();
  const area = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = area.current;
    if (el === null) return;
    const measure = (): void => setBox({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const aspects = slide.tiers.map((tier) =>
    tier.sponsors.map((s) =>
      s.logo !== undefined && !preloaded.failed.has(s.logo)
        ? (preloaded.aspect.get(s.logo) ?? 0)
        : wordmarkAspect(s.name),
    ),
  );
  const layout = box === null ? null : layoutSponsorWall(aspects, box.width, box.height);
  const pageCount = layout?.pages.length ?? 1;
  const now = useNow(500);
  const [since] = useState(now);
  const pageMs = (view.durationMs ?? 10_000) / pageCount;
  const pageIndex = still || pageCount <= 1 ? 0 : Math.floor(Math.max(0, now - since) / pageMs) % pageCount;
  const page = layout?.pages[pageIndex];
  // Why: the first page appears once the wall is measured, after the slide's own transition; it must not fade in again.
  const firstPage = useRef(true);
  useEffect(() => {
    if (page !== undefined) firstPage.current = false;
  }, [page]);
  return (
    <SlideFrame eyebrow={UI.sponsorsShort} className="sponsors">
      <FitText text={slide.title ?? UI.sponsors} max={64} min={36} lines={1} className="sponsors-title" />
      <div className="wall" ref={area} data-pages={pageCount} data-page={pageIndex}>
        <AnimatePresence initial={false}>
          {page === undefined ? null : (
            <m.div
              key={pageIndex}
              className="wall-page"
              initial={firstPage.current ? false : { opacity: 0 }}
              animate={{ opacity: 1 }}
              exit={{ opacity: 0 }}
              transition={{ duration: 0.6 }}
            >
              {page.blocks.map((block) => {
                const tier = slide.tiers[block.tier];
                if (tier === undefined) return null;
                return (
                  <section key={block.tier} className={`tier tier-${Math.min(block.tier, 3)}`}>
                    <FitText
                      text={tier.name}
                      max={30}
                      min={14}
                      lines={1}
                      className="tier-name"
                      secondaryRatio={0.82}
                    />
                    {block.rows.map((row) => (
                      <div
                        key={row.logos[0]?.index ?? 0}
                        className="tier-row"
                        style={{ gap: row.gap, ...(row === block.rows[0] ? {} : { marginTop: row.gap }) }}
                      >
                        {row.logos.map((logo) => {
                          const sponsor = tier.sponsors[logo.index];
                          if (sponsor === undefined) return null;
                          const mark = (
                            <Placeholder
                              label={sponsor.name}
                              shape="tile"
                              max={Math.round(logo.height * 0.3)}
                              min={14}
                              style={{ width: logo.width, height: logo.height }}
                            />
                          );
                          return (
                            <div
                              key={logo.index}
                              className="logo-cell"
                              style={{ width: logo.width, height: logo.height }}
                            >
                              {sponsor.logo === undefined ? (
                                mark
                              ) : (
                                <AssetImage
                                  assetRef={sponsor.logo}
                                  className="sponsor-logo"
                                  alt={sponsor.name}
                                  fallback={mark}
                                />
                              )}
                            </div>
                          );
                        })}
                      </div>
                    ))}
                  </section>
                );
              })}
            </m.div>
          )}
        </AnimatePresence>
      </div>
    </SlideFrame>
  );
}
