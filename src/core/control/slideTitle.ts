import type { Slide, Text } from '../playlist/types';
import { assertNever } from '../assertNever';

/** The text staff recognise a slide by (speaker name, case title, caption …), per slide type. */
export function slideTitle(slide: Slide): Text {
  switch (slide.type) {
    case 'speaker':
      return slide.name;
    case 'practice':
      return slide.title;
    case 'course':
      return slide.title;
    case 'sponsors':
      return slide.title ?? { zh: '赞助商', en: 'Sponsors' };
    case 'announcement':
      return slide.title ?? slide.text;
    case 'image':
      return slide.caption ?? slide.alt ?? slide.src;
    case 'video':
      return slide.caption ?? slide.src;
    case 'schedule':
      return slide.title ?? { zh: '正在进行与即将开始', en: 'Now & next' };
    case 'countdown':
      return slide.title ?? { zh: '倒计时', en: 'Countdown' };
    case 'qr':
      return slide.title;
    default:
      return assertNever(slide);
  }
}

/** The subtitle of a slide where it has a natural one (speaker's talk, practice company). */
export function slideSubtitle(slide: Slide): Text | null {
  switch (slide.type) {
    case 'speaker':
      return slide.talk ?? slide.organization ?? null;
    case 'practice':
      return slide.company;
    case 'course':
      return slide.instructor ?? null;
    default:
      return null;
  }
}
