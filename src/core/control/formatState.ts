import type { Text } from '../playlist/types';
import type { ControlState } from './controlState';

/** Picks one language of a Text (falling back to the first one written). */
export function pickText(text: Text, lang: string): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** Formats milliseconds as m:ss (or h:mm:ss). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A few readable lines about one screen, for `marquee ctl status`. */
export function formatState(state: ControlState, lang = 'en'): string {
  const lines: string[] = [];
  const flags = [state.paused ? 'PAUSED' : null, state.blackout ? 'BLACKOUT' : null]
    .filter(Boolean)
    .join(', ');
  lines.push(`Screen ${state.screen}${flags ? `  [${flags}]` : ''}`);
  if (state.slide) {
    const left = state.timeLeftMs === null ? '' : `, ${formatDuration(state.timeLeftMs)} left`;
    lines.push(
      `  Now:  ${state.slide.position}/${state.count}  ${state.slide.id}  ${pickText(state.slide.title, lang)}  (${state.slide.type}${left})`,
    );
  } else {
    lines.push(`  Now:  idle screen (${state.count} slides, none in the rotation now)`);
  }
  if (state.next)
    lines.push(
      `  Next: ${state.next.position}/${state.count}  ${state.next.id}  ${pickText(state.next.title, lang)}`,
    );
  if (state.announcement) {
    const a = state.announcement;
    const left = a.timeLeftMs === null ? 'until cleared' : `${formatDuration(a.timeLeftMs)} left`;
    lines.push(`  Announcement (${a.style}, ${left}): ${pickText(a.text, lang)}`);
  }
  if (state.playlistErrors.length > 0) {
    lines.push('  The last playlist edit was rejected (the previous version keeps playing):');
    for (const e of state.playlistErrors) lines.push(`    ${e}`);
  }
  return lines.join('\n');
}
