import type { ErrorCode } from '../core/control/replies';
import type { Lang } from '../remote-shared/lang';
import type { OwnRefusalWords } from '../remote-shared/refusal';

/** The codes whose shared words (`ERROR_WORDS`) point at the web remote's Slides tab. */
type SlidesTabCode = Extract<ErrorCode, 'unknown-slide' | 'bad-position' | 'nothing-eligible'>;

/** The fleet remote's words, in Chinese and English; a refusal's words are the shared ones but for `codeWords`. */
export type FleetStrings = OwnRefusalWords &
  Readonly<{
    title: string;
    online: string;
    offline: string;
    unknown: string;
    since: string;
    all: string;
    screens: (n: number) => string;
    selected: (n: number) => string;
    next: string;
    prev: string;
    blackout: string;
    unblack: string;
    announce: string;
    announcePlaceholder: string;
    emergency: string;
    emergencyConfirm: string;
    emergencyPlaceholder: string;
    clear: string;
    alertActive: string;
    sent: (replied: number, expected: number) => string;
    /** A command or the alert the hub did not send out (its reason beneath). */
    notDelivered: string;
    /** How many of the addressed screens refused the command (their reasons beneath). */
    refusedBy: (screens: number) => string;
    dismiss: string;
    /** The fleet remote's own words for the codes whose shared words send staff to the web remote's Slides tab. */
    codeWords: Readonly<Record<SlidesTabCode, string>>;
    tokenTitle: string;
    tokenSave: string;
    noSlide: string;
    thumbAlt: (screen: string) => string;
    noThumb: string;
    minutesAgo: (n: number) => string;
    dark: string;
    frozen: string;
    reloaded: string;
    restarted: string;
    wasFault: (kind: string, minutes: number) => string;
  }>;

const zh: FleetStrings = {
  title: '全场屏幕',
  online: '在线',
  offline: '离线',
  unknown: '未知',
  since: '自',
  all: '全部',
  screens: (n) => `${n} 块屏幕`,
  selected: (n) => `已选 ${n} 块`,
  next: '下一页',
  prev: '上一页',
  blackout: '黑屏',
  unblack: '恢复',
  announce: '发布通知',
  announcePlaceholder: '通知内容',
  emergency: '紧急警报',
  emergencyConfirm: '确认向所有屏幕发布紧急警报？',
  emergencyPlaceholder: '警报内容，如：请沿指示牌疏散',
  clear: '解除警报',
  alertActive: '紧急警报生效中',
  sent: (r, e) => `已送达 ${r}/${e}`,
  notDelivered: '未送达',
  refusedBy: (n) => `${n} 块屏幕没有执行`,
  dismiss: '知道了',
  replyUnreadable: '无法读取中控的回复。请刷新页面后重试。',
  noAnswer: '中控没有应答（网络断开？）。请检查 Wi-Fi 后重试。',
  hostStatus: (status) =>
    `中控返回了错误（HTTP ${status}），没有说明原因。请稍后重试；仍不行请联系技术人员。`,
  unknownRefusal: (code) => `请求被拒绝（${code}）。请联系技术人员。`,
  codeWords: {
    'unknown-slide': '播放列表里已没有这张幻灯片（可能刚被修改）。请刷新页面后重试。',
    'bad-position': '没有这个位置的幻灯片（播放列表可能刚被修改）。请刷新页面后重试。',
    'nothing-eligible':
      '现在没有可播放的幻灯片（都已停用、不在播放时段内或不属于这块屏幕）。请技术人员检查播放列表，或用这块屏幕自己的遥控页面临时播放一张。',
  },
  tokenTitle: '输入访问令牌',
  tokenSave: '保存',
  noSlide: '—',
  thumbAlt: (screen) => `${screen} 的屏幕画面`,
  noThumb: '无画面',
  minutesAgo: (n) => (n === 0 ? '刚刚' : `${n} 分钟前`),
  dark: '黑屏',
  frozen: '画面冻结',
  reloaded: '已重新加载',
  restarted: '已重启',
  wasFault: (kind, n) => `${n === 0 ? '刚刚' : `${n} 分钟前`}曾${kind}，已恢复`,
};

const en: FleetStrings = {
  title: 'Venue screens',
  online: 'online',
  offline: 'offline',
  unknown: 'unknown',
  since: 'since',
  all: 'All',
  screens: (n) => `${n} screens`,
  selected: (n) => `${n} selected`,
  next: 'Next',
  prev: 'Previous',
  blackout: 'Blackout',
  unblack: 'Unblank',
  announce: 'Announce',
  announcePlaceholder: 'Announcement text',
  emergency: 'Emergency',
  emergencyConfirm: 'Raise the emergency alert on every screen?',
  emergencyPlaceholder: 'Alert text, e.g. Please follow the exit signs',
  clear: 'Clear alert',
  alertActive: 'Emergency alert active',
  sent: (r, e) => `replied ${r}/${e}`,
  notDelivered: 'Not delivered',
  refusedBy: (n) => (n === 1 ? '1 screen did not do it' : `${n} screens did not do it`),
  dismiss: 'OK',
  replyUnreadable: 'The hub’s answer could not be read. Reload the page, then try again.',
  noAnswer: 'No answer from the hub (is the Wi-Fi down?). Check the connection, then try again.',
  hostStatus: (status) =>
    `The hub answered HTTP ${status} without a reason. Try again later; if it persists, call the technician.`,
  unknownRefusal: (code) => `Refused (${code}). Call the technician.`,
  codeWords: {
    'unknown-slide':
      'That slide is no longer in the playlist (it may have just changed). Reload the page, then try again.',
    'bad-position':
      'There is no slide at that position (the playlist may have just changed). Reload the page, then try again.',
    'nothing-eligible':
      'No slide can play now (all are disabled, outside their time or for other screens). Ask the technician to check the playlist, or show one once from that screen’s own remote.',
  },
  tokenTitle: 'Enter the access token',
  tokenSave: 'Save',
  noSlide: '—',
  thumbAlt: (screen) => `What ${screen} shows`,
  noThumb: 'no picture',
  minutesAgo: (n) => (n === 0 ? 'just now' : `${n} min ago`),
  dark: 'Dark',
  frozen: 'Frozen',
  reloaded: 'reloaded',
  restarted: 'restarted',
  wasFault: (kind, n) => `${kind} ${n === 0 ? 'just now' : `${n} min ago`}, back`,
};

/** The strings for the interface's language. */
export function stringsFor(lang: Lang): FleetStrings {
  return lang === 'zh' ? zh : en;
}
