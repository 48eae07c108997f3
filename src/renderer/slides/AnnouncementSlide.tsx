import type { SlideOf } from '../../core/playlist/types';
import { AnnouncementCard } from './AnnouncementCard';

/** A full-screen announcement slide: info (calm) or urgent (high-contrast warning). */
export function AnnouncementSlide({ slide }: Readonly<{ slide: SlideOf<'announcement'> }>) {
  return (
    <div className="slide announcement-slide">
      <AnnouncementCard title={slide.title} text={slide.text} style={slide.style ?? 'info'} />
    </div>
  );
}
