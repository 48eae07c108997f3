import type { Text } from '../core/playlist/types';

/** The languages of the remote's own interface. */
export type Lang = 'zh' | 'en';

/** Chinese for zh*, else English. */
export function uiLanguage(navigatorLanguage: string | undefined): Lang {
  return (navigatorLanguage ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Picks the best language of a playlist Text for the interface language. */
export function textIn(text: Text | null | undefined, lang: Lang): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return (
    text[lang] ??
    text[lang === 'zh' ? 'zh-CN' : 'en-US'] ??
    text.en ??
    text.zh ??
    Object.values(text)[0] ??
    ''
  );
}

/** A ready-made announcement. */
export type Preset = Readonly<{
  key: string;
  text: Readonly<{ zh: string; en: string }>;
  seconds: number;
  style: 'info' | 'urgent';
}>;

/** The announcement presets staff use most. */
export const PRESETS: readonly Preset[] = [
  {
    key: 'starting',
    text: { zh: '会议将在5分钟后开始', en: 'Session starting in 5 minutes' },
    seconds: 300,
    style: 'info',
  },
  { key: 'lunch', text: { zh: '午餐时间', en: 'Lunch is served' }, seconds: 900, style: 'info' },
  { key: 'seats', text: { zh: '请就座', en: 'Please take your seats' }, seconds: 180, style: 'info' },
  {
    key: 'break',
    text: { zh: '茶歇时间，15分钟后继续', en: 'Coffee break — back in 15 minutes' },
    seconds: 900,
    style: 'info',
  },
  {
    key: 'exit',
    text: { zh: '请保持通道畅通', en: 'Please keep the aisles clear' },
    seconds: 120,
    style: 'urgent',
  },
];

/** Durations offered for an announcement, in seconds (0: until cleared). */
export const DURATIONS = [60, 300, 900, 1800, 0] as const;

const en = {
  appName: 'Marquee Remote',
  tabControl: 'Control',
  tabSlides: 'Slides',
  tabAnnounce: 'Announce',
  now: 'Now',
  next: 'Up next',
  idle: 'Idle screen',
  idleHint: 'No slide is in the rotation right now.',
  nothingNext: 'Nothing queued',
  prev: 'Previous',
  nextButton: 'Next',
  pause: 'Pause',
  resume: 'Resume',
  blackout: 'Blackout',
  blackoutOn: 'Screen is black',
  paused: 'Paused',
  timeLeft: (time: string) => `${time} left`,
  allScreens: 'All screens',
  online: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline',
  offlineRetry: (s: number) => `Offline — retrying in ${s} s`,
  retryNow: 'Retry now',
  jumpHint: 'Tap a slide to show it now',
  notInRotation: 'Not in rotation',
  notForScreen: 'Other screens',
  disabled: 'Disabled',
  onScreen: 'On screen',
  announceTitle: 'Announcement',
  presets: 'Presets',
  custom: 'Your text',
  customPlaceholderZh: '中文',
  customPlaceholderEn: 'English',
  duration: 'Show for',
  untilCleared: 'Until cleared',
  minutes: (m: number) => `${m} min`,
  style: 'Style',
  info: 'Info',
  urgent: 'Urgent',
  send: 'Show announcement',
  clear: 'Clear announcement',
  current: 'On screen now',
  playlistRejected: 'The last playlist edit was rejected — the previous version keeps playing.',
  tokenTitle: 'Connect to Marquee',
  tokenHelp: 'Scan the QR code printed where Marquee was started, or paste the token here.',
  tokenPlaceholder: 'Access token',
  tokenSave: 'Connect',
  tokenRejected: 'That token was refused. Scan the QR code again.',
  sent: 'Done',
  tabHealth: 'Health',
  healthTitle: 'Kiosk health',
  levelOk: 'All OK',
  levelWarning: 'Needs a look',
  levelProblem: 'Problem',
  levelUnavailable: 'Health unavailable',
  healthLoading: 'Checking…',
  reasonNoRenderer: 'No screen is connected: nothing shows the slides',
  reasonRendererSilent: 'The screen stopped confirming slides',
  reasonPlaylistRefused: 'The last playlist edit was refused',
  reasonCacheFailures: (n: number) =>
    n === 1 ? '1 asset failed to download' : `${n} assets failed to download`,
  reasonProofStuck: (n: number) => `Proof-of-play log is not being written (${n} waiting)`,
  upFor: (span: string) => `Up for ${span}`,
  ago: (span: string) => `${span} ago`,
  lastAnswer: (age: string) => `Last answer ${age} ago`,
  never: 'never',
  none: 'None',
  version: 'Version',
  slideOnScreen: 'On screen',
  playlist: 'Playlist',
  lastEdit: 'Last edit',
  playlistOk: 'Accepted',
  playlistRefused: 'Edit refused',
  previousPlays: 'The previous version keeps playing until the file is fixed.',
  loaded: 'Loaded',
  problemCount: (n: number) => (n === 1 ? '1 problem' : `${n} problems`),
  moreProblems: (n: number) => `+${n} more (run marquee validate)`,
  renderers: 'Screen',
  connected: 'Connected',
  lastAck: 'Last confirmed slide',
  missedAcks: 'Unconfirmed slides',
  watchdogReloads: 'Watchdog reloads',
  lastError: 'Last error',
  cache: 'Offline cache',
  cacheFiles: 'Files',
  cacheSize: 'Size',
  cacheFailed: 'Failed downloads',
  cachePending: 'Still to download',
  memory: 'Memory',
  displays: 'Displays',
  displayUnused: 'unused',
  gpu: 'GPU',
  gpuNotEnabled: 'Not enabled',
  gpuAllEnabled: 'All features enabled',
} as const;

/** The interface strings, by language. */
export type Strings = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends (arg: never) => string ? (typeof en)[K] : string;
};

const zh: Strings = {
  appName: 'Marquee 遥控',
  tabControl: '控制',
  tabSlides: '幻灯片',
  tabAnnounce: '通知',
  now: '正在播放',
  next: '下一张',
  idle: '待机画面',
  idleHint: '当前没有可播放的幻灯片。',
  nothingNext: '无',
  prev: '上一张',
  nextButton: '下一张',
  pause: '暂停',
  resume: '继续',
  blackout: '黑屏',
  blackoutOn: '屏幕已黑屏',
  paused: '已暂停',
  timeLeft: (time: string) => `剩余 ${time}`,
  allScreens: '全部屏幕',
  online: '已连接',
  connecting: '正在连接…',
  offline: '离线',
  offlineRetry: (s: number) => `离线 — ${s} 秒后重试`,
  retryNow: '立即重试',
  jumpHint: '点击幻灯片即可立即播放',
  notInRotation: '不在轮播中',
  notForScreen: '其他屏幕',
  disabled: '已停用',
  onScreen: '播放中',
  announceTitle: '通知',
  presets: '常用通知',
  custom: '自定义内容',
  customPlaceholderZh: '中文',
  customPlaceholderEn: 'English',
  duration: '显示时长',
  untilCleared: '直到清除',
  minutes: (m: number) => `${m} 分钟`,
  style: '样式',
  info: '普通',
  urgent: '紧急',
  send: '发布通知',
  clear: '清除通知',
  current: '当前通知',
  playlistRejected: '最近一次播放列表修改未通过校验，屏幕继续播放上一版本。',
  tokenTitle: '连接 Marquee',
  tokenHelp: '请扫描 Marquee 启动时显示的二维码，或在此粘贴访问令牌。',
  tokenPlaceholder: '访问令牌',
  tokenSave: '连接',
  tokenRejected: '令牌无效，请重新扫描二维码。',
  sent: '完成',
  tabHealth: '状态',
  healthTitle: '运行状态',
  levelOk: '一切正常',
  levelWarning: '需要关注',
  levelProblem: '出现故障',
  levelUnavailable: '无法获取状态',
  healthLoading: '正在检查…',
  reasonNoRenderer: '没有屏幕连接，幻灯片无处显示',
  reasonRendererSilent: '屏幕已停止确认幻灯片',
  reasonPlaylistRefused: '最近一次播放列表修改未通过校验',
  reasonCacheFailures: (n: number) => `${n} 个素材下载失败`,
  reasonProofStuck: (n: number) => `播放记录无法写入（${n} 条待写）`,
  upFor: (span: string) => `已运行 ${span}`,
  ago: (span: string) => `${span}前`,
  lastAnswer: (age: string) => `最后一次响应在${age}前`,
  never: '从未',
  none: '无',
  version: '版本',
  slideOnScreen: '当前画面',
  playlist: '播放列表',
  lastEdit: '最近修改',
  playlistOk: '已通过',
  playlistRefused: '修改被拒绝',
  previousPlays: '文件修正前，屏幕继续播放上一版本。',
  loaded: '加载于',
  problemCount: (n: number) => `${n} 个问题`,
  moreProblems: (n: number) => `另有 ${n} 个（运行 marquee validate 查看）`,
  renderers: '屏幕',
  connected: '已连接',
  lastAck: '最近确认',
  missedAcks: '未确认的幻灯片',
  watchdogReloads: '看门狗重新加载',
  lastError: '最近错误',
  cache: '离线缓存',
  cacheFiles: '文件',
  cacheSize: '大小',
  cacheFailed: '下载失败',
  cachePending: '待下载',
  memory: '内存',
  displays: '显示器',
  displayUnused: '未使用',
  gpu: 'GPU',
  gpuNotEnabled: '未启用',
  gpuAllEnabled: '全部功能已启用',
};

/** The strings of one language. */
export function strings(lang: Lang): Strings {
  return lang === 'zh' ? zh : en;
}
