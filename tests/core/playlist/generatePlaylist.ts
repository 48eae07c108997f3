/** Builds the text of a valid playlist with `count` slides cycling through every slide type (for tests and benchmarks). */
export function generatePlaylistText(count: number): string {
  const sessions = Array.from({ length: 20 }, (_, i) => ({
    id: `s${i}`,
    title: { zh: `会议 ${i}`, en: `Session ${i}` },
    room: { zh: `${(i % 3) + 1} 号厅`, en: `Hall ${(i % 3) + 1}` },
    starts: `2018-12-20T${String(9 + (i % 8)).padStart(2, '0')}:00`,
    ends: `2018-12-20T${String(9 + (i % 8)).padStart(2, '0')}:45`,
  }));
  const slides = Array.from({ length: count }, (_, i) => slideNumber(i));
  const playlist = {
    version: 1,
    event: { name: { zh: '大会', en: 'Conference' }, timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
    theme: { background: { gradient: ['#0b1f3a', '#1e6bff'] }, accent: '#ffb000', logo: 'images/logo.svg' },
    defaults: { duration: 10, transition: 'fade' },
    sessions,
    slides,
  };
  return JSON.stringify(playlist, null, 2);
}

function slideNumber(i: number): Record<string, unknown> {
  const id = `slide-${i}`;
  const session = `s${i % 20}`;
  switch (i % 10) {
    case 0:
      return {
        type: 'speaker',
        id,
        name: { zh: '首席架构师', en: 'Chief Architect' },
        talk: 'Streaming',
        photo: 'images/p.svg',
        session,
      };
    case 1:
      return {
        type: 'practice',
        id,
        company: 'Example Co',
        title: 'A case',
        points: ['one', 'two', 'three'],
        session,
      };
    case 2:
      return {
        type: 'course',
        id,
        title: 'Flink 101',
        level: 'beginner',
        starts: '2018-12-21T09:00',
        ends: '2018-12-21T12:00',
      };
    case 3:
      return {
        type: 'sponsors',
        id,
        tiers: [{ name: 'Gold', sponsors: [{ name: 'A' }, { name: 'B', logo: 'images/b.svg' }] }],
      };
    case 4:
      return {
        type: 'announcement',
        id,
        text: { zh: '午餐时间', en: 'Lunch time' },
        style: 'info',
        when: [{ from: '12:00', to: '13:00' }],
      };
    case 5:
      return { type: 'image', id, src: 'images/hall.svg', fit: 'contain', duration: 8 };
    case 6:
      return { type: 'video', id, src: 'https://example.com/v.mp4', poster: 'images/poster.svg' };
    case 7:
      return { type: 'schedule', id, rooms: ['Hall 1'] };
    case 8:
      return { type: 'countdown', id, session };
    default:
      return { type: 'qr', id, title: 'Scan me', url: 'https://example.com/slides' };
  }
}
