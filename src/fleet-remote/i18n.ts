/** The fleet remote's words, in Chinese and English. */
export type FleetStrings = Readonly<{
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
  /** A command or the alert the hub could not deliver, with the hub's reason. */
  failed: (reason: string) => string;
  tokenTitle: string;
  tokenSave: string;
  unreachable: string;
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
  failed: (reason) => `未送达：${reason}`,
  tokenTitle: '输入访问令牌',
  tokenSave: '保存',
  unreachable: '无法连接中控',
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
  failed: (reason) => `Not delivered: ${reason}`,
  tokenTitle: 'Enter the access token',
  tokenSave: 'Save',
  unreachable: 'Cannot reach the hub',
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

/** The strings for a language tag (`zh…` → Chinese, else English). */
export function stringsFor(lang: string): FleetStrings {
  return lang.toLowerCase().startsWith('zh') ? zh : en;
}
