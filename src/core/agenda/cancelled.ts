/**
 * Words feeds put into a title to say a talk will not happen, in the languages conferences use. Why: most
 * exporters have no status field (frab, pretalx, Sessionize), so organisers edit the title instead.
 */
const MARKERS = [
  'cancell?ed',
  'abgesagt',
  'f(?:ä|ae)llt aus',
  'entf(?:ä|ae)llt',
  'ausgefallen',
  'annul(?:é|e)e?s?',
  'cancelad[oa]',
  'annullat[oa]',
  'odwołane',
  'zrušeno',
  'geannuleerd',
  'afgelyst',
  'inställt',
  'отменено',
  'キャンセル',
  '中止',
  '已取消',
  '取消',
  '휴강',
  '취소',
];

const WORD = `(?:${MARKERS.join('|')})`;
const OPEN = '[\\[(【（<「]';
const CLOSE = '[\\])】）>」]';
const SEP = '[:：!！\\-–—|/,，]';

/** Where a marker counts: in brackets, before or after a separator, alone, or shouted in capitals. */
const AT_START = new RegExp(
  `^\\s*(?:${OPEN}\\s*${WORD}\\s*${CLOSE}|\\*+\\s*${WORD}\\s*\\*+|${WORD}\\s*${SEP}+)\\s*`,
  'iu',
);
const AT_END = new RegExp(`\\s*(?:${OPEN}\\s*${WORD}\\s*${CLOSE}|${SEP}+\\s*${WORD}[!！.]*)\\s*$`, 'iu');
const ALONE = new RegExp(`^\\s*${OPEN}?\\s*${WORD}\\s*${CLOSE}?\\s*$`, 'iu');
const SHOUTED =
  /(?:^|[^\p{L}])(?:CANCELL?ED|ABGESAGT|FÄLLT AUS|ENTFÄLLT|ANNULÉE?|CANCELAD[OA])(?:$|[^\p{L}])/u;

/**
 * Whether a title says the session is cancelled ("CANCELLED: …", "… (abgesagt)", "【取消】…", "… FÄLLT AUS"),
 * and the title without the marker (as it was when removing the marker would leave nothing).
 */
export function cancelledTitle(title: string): Readonly<{ cancelled: boolean; title: string }> {
  if (ALONE.test(title)) return { cancelled: true, title };
  const stripped = title.replace(AT_START, '').replace(AT_END, '').trim();
  if (stripped !== title.trim()) return { cancelled: true, title: stripped.length > 0 ? stripped : title };
  return { cancelled: SHOUTED.test(title), title };
}
