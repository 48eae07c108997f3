import type { ErrorCode } from '../core/control/replies';
import type { Lang } from './lang';

/**
 * What each error code means for staff, and what to do, in the staff remotes' languages (the web remote and the
 * fleet remote say a screen's and the hub's refusals with them); the sender's own text (for the technician) is
 * shown beneath. One entry per code of `ERROR_CODES`: a new code fails to compile here until it has words.
 */
export const ERROR_WORDS: Readonly<Record<Lang, Readonly<Record<ErrorCode, string>>>> = {
  zh: {
    'bad-json': '屏幕读不懂这条指令。请刷新遥控页面后重试。',
    'bad-command': '屏幕不接受这条指令的格式。请刷新遥控页面后重试。',
    'unknown-type': '屏幕不认识这条指令（版本可能不同）。请刷新遥控页面；仍不行请联系技术人员。',
    'bad-argument': '指令中有内容不被接受（例如通知文字过长）。请修改后重试。',
    'unknown-slide': '播放列表里已没有这张幻灯片（可能刚被修改）。请在“幻灯片”页重新选择。',
    'bad-position': '没有这个位置的幻灯片（播放列表可能刚被修改）。请在“幻灯片”页重新选择。',
    'empty-playlist': '播放列表里没有幻灯片，无法切换。请技术人员检查播放列表。',
    'nothing-eligible':
      '现在没有可播放的幻灯片（都已停用、不在播放时段内或不属于这块屏幕）。可在“幻灯片”页点选一张临时播放。',
    'not-for-screen': '这张幻灯片不在这块屏幕上播放（属于其他屏幕）。请选择本屏幕的幻灯片。',
    'unknown-screen': '找不到所选的屏幕（可能已改名或关闭）。请刷新遥控页面后重新选择屏幕。',
    'keyboard-disabled': '这块屏幕的键盘控制已关闭。',
    'too-large': '指令内容太长。请缩短后重试。',
    unauthorized: '访问令牌无效或已更换。请重新扫描二维码。',
    'rate-limited': '操作太频繁，屏幕暂时不接受。请等几秒再试。',
    unavailable: '屏幕现在无法执行这条指令。原因见下方英文说明，请交给技术人员。',
    expired: '指令送达时已过期，屏幕没有执行。请重试。',
    internal: '屏幕出错，没能执行这条指令。请重试一次；仍出错请联系技术人员。',
    'screen-not-seen': '主机看不到这块屏幕，无法截取和检测画面。幻灯片照常播放，遥控照常可用。',
    'screen-starting': '屏幕还没开始播放节目，暂时没有画面。请稍候再看。',
    'capture-failed':
      '这次没能截取屏幕画面（展示浏览器没有回应）。请轻触画面重试；一直失败请到现场查看屏幕。',
  },
  en: {
    'bad-json': 'The screen could not read this command. Reload the remote, then try again.',
    'bad-command': 'The screen did not accept the form of this command. Reload the remote, then try again.',
    'unknown-type':
      'The screen does not know this command (its version may differ). Reload the remote; if that fails, call the technician.',
    'bad-argument':
      'Part of the command was not accepted (a too-long announcement, say). Change it and try again.',
    'unknown-slide':
      'That slide is no longer in the playlist (it may have just changed). Pick again on Slides.',
    'bad-position':
      'There is no slide at that position (the playlist may have just changed). Pick again on Slides.',
    'empty-playlist': 'The playlist has no slides to show. Ask the technician to check it.',
    'nothing-eligible':
      'No slide can play now (all are disabled, outside their time or for other screens). Tap one on Slides to show it once.',
    'not-for-screen':
      'That slide does not play on this screen (it is for other screens). Pick one of its own.',
    'unknown-screen':
      'The chosen screen is not there (renamed or stopped). Reload the remote and choose again.',
    'keyboard-disabled': 'The kiosk keys are turned off on this screen.',
    'too-large': 'The command is too long. Shorten it and try again.',
    unauthorized: 'The access token is wrong or was changed. Scan the QR code again.',
    'rate-limited': 'Too many requests at once. Wait a few seconds, then try again.',
    unavailable: 'The screen cannot do this right now. The reason is below: show it to the technician.',
    expired: 'The command arrived too late and was not carried out. Try again.',
    internal:
      'The screen failed to carry out this command. Try once more; if it fails again, call the technician.',
    'screen-not-seen':
      'The host cannot see this screen, so there is no picture of it. The slides play and the remote works as usual.',
    'screen-starting':
      'The screen is not showing the show yet, so there is no picture. Look again in a moment.',
    'capture-failed':
      'The picture could not be taken (the kiosk browser did not answer). Tap to try again; if it keeps failing, go and look.',
  },
};
