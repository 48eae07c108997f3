import type { SendResult } from '../../core/channels/hubApiContract';

/** One command's wait for its replies: they gather in `replies`; `finished` resolves when all came or time is up. */
export type ReplyWait = Readonly<{
  replies: SendResult['replies'];
  finished: Promise<void>;
  /** Ends the wait now (nothing more is expected, or the command could not go out). */
  end(): void;
}>;

/** The hub's commands waiting for their screens' replies, by command id. */
export type ReplyWaits = Readonly<{
  /** Starts waiting for `expected` screens' replies to command `id`, at most `waitMs`. */
  wait(id: string, expected: readonly string[], waitMs: number): ReplyWait;
  /** A screen's reply (the first of each screen counts; one to no waiting command is dropped). */
  receive(screen: string, reply: SendResult['replies'][number]['reply']): void;
  /** Ends every wait (the hub closes). */
  endAll(): void;
}>;

export function createReplyWaits(): ReplyWaits {
  const pending = new Map<
    string,
    { expected: Set<string>; replies: SendResult['replies']; end: () => void }
  >();
  return {
    wait(id, expected, waitMs) {
      const replies: SendResult['replies'] = [];
      let end: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => {
        const timer = setTimeout(() => end(), waitMs);
        end = () => {
          clearTimeout(timer);
          pending.delete(id);
          resolve();
        };
      });
      pending.set(id, { expected: new Set(expected), replies, end });
      return { replies, finished, end };
    },
    receive(screen, reply) {
      const wait = reply.id === null ? undefined : pending.get(String(reply.id));
      if (wait === undefined || wait.replies.some((r) => r.screen === screen)) return;
      wait.replies.push({ screen, reply });
      wait.expected.delete(screen);
      if (wait.expected.size === 0) wait.end();
    },
    endAll() {
      for (const wait of [...pending.values()]) wait.end();
    },
  };
}
