import type { ComponentType } from 'react';
import type { SlideOf, SlideType } from '../core/playlist/types';
import { AnnouncementSlide } from './slides/AnnouncementSlide';
import { CountdownSlide } from './slides/CountdownSlide';
import { CourseSlide } from './slides/CourseSlide';
import { ImageSlide } from './slides/ImageSlide';
import { PracticeSlide } from './slides/PracticeSlide';
import { QrSlide } from './slides/QrSlide';
import { ScheduleSlide } from './slides/ScheduleSlide';
import { SpeakerSlide } from './slides/SpeakerSlide';
import { SponsorsSlide } from './slides/SponsorsSlide';
import { VideoSlide } from './slides/VideoSlide';

/** The component that draws each slide type; adding a type to the schema without one here fails to compile. */
export const slideRegistry: { readonly [T in SlideType]: ComponentType<{ slide: SlideOf<T> }> } = {
  speaker: SpeakerSlide,
  practice: PracticeSlide,
  course: CourseSlide,
  sponsors: SponsorsSlide,
  announcement: AnnouncementSlide,
  image: ImageSlide,
  video: VideoSlide,
  schedule: ScheduleSlide,
  countdown: CountdownSlide,
  qr: QrSlide,
};
