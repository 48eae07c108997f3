// Summarises a Chromium trace around the `long-frame` measures the bench recorder leaves: per long frame, the self
// time of every traced event by thread and name (wall time, and CPU time where the trace has it), clipped to it.

/** The fields of a Chrome trace event this summary reads. */
export type TraceEvent = Readonly<{
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  id2?: Readonly<{ local?: string; global?: string }>;
  args?: Readonly<{ name?: string }>;
}>;

type Span = Readonly<{ start: number; end: number }>;
type Slice = Readonly<{ name: string; start: number; end: number; cpu: number | null; depth: number }>;
type Tally = Map<string, { wall: number; cpu: number }>;

/** Thread groups reported, by Chromium thread name. */
function groupOf(threadName: string): string | null {
  if (threadName === 'CrRendererMain') return 'main';
  if (threadName === 'Compositor') return 'compositor';
  if (threadName.startsWith('CompositorTileWorker')) return 'raster';
  if (threadName === 'VizCompositorThread' || threadName === 'CrGpuMain') return 'viz';
  return null;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Complete events of one thread as properly nested slices with their depth. */
function slicesOf(events: readonly TraceEvent[]): Slice[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: Slice[] = [];
  const out: Slice[] = [];
  for (const e of sorted) {
    const start = e.ts / 1000;
    const end = (e.ts + (e.dur ?? 0)) / 1000;
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= start) stack.pop();
    const slice = {
      name: e.name,
      start,
      end,
      cpu: e.tdur === undefined ? null : e.tdur / 1000,
      depth: stack.length,
    };
    out.push(slice);
    stack.push(slice);
  }
  return out;
}

/** Self time of each slice inside `window`, added to `tally` under "group: name". */
function tallySelf(group: string, slices: readonly Slice[], window: Span, tally: Tally): number {
  let busy = 0;
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i];
    if (s === undefined || s.end <= window.start || s.start >= window.end) continue;
    let self = overlap(s, window);
    let childCpu = 0;
    for (let j = i + 1; j < slices.length; j++) {
      const c = slices[j];
      if (c === undefined || c.start >= s.end) break;
      if (c.depth === s.depth + 1) {
        self -= overlap(c, window);
        childCpu += c.cpu ?? 0;
      }
    }
    if (s.depth === 0) busy += overlap(s, window);
    // Why: CPU time is per whole slice; it is scaled by the share of the slice inside the window.
    const share = s.end > s.start ? overlap(s, window) / (s.end - s.start) : 0;
    const cpuSelf = s.cpu === null ? 0 : Math.max(0, s.cpu - childCpu) * share;
    const key = `${group}: ${s.name}`;
    const t = tally.get(key) ?? { wall: 0, cpu: 0 };
    tally.set(key, { wall: t.wall + Math.max(0, self), cpu: t.cpu + cpuSelf });
  }
  return busy;
}

function longFrames(events: readonly TraceEvent[]): { pid: number; spans: Span[] } {
  const open = new Map<string, number>();
  const spans: Span[] = [];
  let pid = -1;
  for (const e of events) {
    if (e.name !== 'long-frame') continue;
    pid = e.pid;
    const id = e.id ?? e.id2?.local ?? e.id2?.global ?? '';
    if (e.ph === 'X') spans.push({ start: e.ts / 1000, end: (e.ts + (e.dur ?? 0)) / 1000 });
    else if (e.ph === 'b') open.set(id, e.ts / 1000);
    else if (e.ph === 'e') {
      const start = open.get(id);
      if (start !== undefined) spans.push({ start, end: e.ts / 1000 });
      open.delete(id);
    }
  }
  return { pid, spans: spans.sort((a, b) => a.start - b.start) };
}

function table(tally: Tally, top: number): string {
  return [...tally.entries()]
    .filter(([, v]) => v.wall >= 0.05)
    .sort((a, b) => b[1].wall - a[1].wall)
    .slice(0, top)
    .map(
      ([k, v]) => `    ${v.wall.toFixed(1).padStart(8)} ms wall ${v.cpu.toFixed(1).padStart(7)} ms cpu  ${k}`,
    )
    .join('\n');
}

/** The complete ('X') events of each thread, with the thread's process and group (null: not a thread we follow). */
function threadsOf(
  events: readonly TraceEvent[],
): readonly Readonly<{ pid: number; group: ReturnType<typeof groupOf>; events: TraceEvent[] }>[] {
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name !== undefined)
      names.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const byThread = new Map<
    string,
    { pid: number; group: ReturnType<typeof groupOf>; events: TraceEvent[] }
  >();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    let thread = byThread.get(key);
    if (thread === undefined) {
      thread = { pid: e.pid, group: groupOf(names.get(key) ?? ''), events: [] };
      byThread.set(key, thread);
    }
    thread.events.push(e);
  }
  return [...byThread.values()];
}

/** A text report: totals over all long frames, then the three longest frames one by one. */
export function summariseTrace(events: readonly TraceEvent[]): string {
  const { pid, spans } = longFrames(events);
  if (spans.length === 0) return '  no long frames';
  const threads = threadsOf(events)
    .filter((t) => t.group !== null && (t.group === 'viz' || t.pid === pid))
    .map((t) => ({
      group: t.group ?? '?',
      slices: slicesOf(t.events),
    }));
  const total: Tally = new Map();
  const each = spans.map((span) => {
    const tally: Tally = new Map();
    let mainBusy = 0;
    for (const t of threads) {
      const busy = tallySelf(t.group, t.slices, span, tally);
      if (t.group === 'main') mainBusy += busy;
    }
    for (const [k, v] of tally) {
      const t = total.get(k) ?? { wall: 0, cpu: 0 };
      total.set(k, { wall: t.wall + v.wall, cpu: t.cpu + v.cpu });
    }
    return { span, tally, mainBusy };
  });
  const length = spans.reduce((sum, s) => sum + s.end - s.start, 0);
  const mainBusy = each.reduce((sum, e) => sum + e.mainBusy, 0);
  const lines = [
    `  ${spans.length} long frames, ${length.toFixed(0)} ms in all; main thread busy ${mainBusy.toFixed(0)} ms of it`,
    '  self time inside long frames, all of them:',
    table(total, 18),
  ];
  for (const e of [...each]
    .sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start))
    .slice(0, 3)) {
    lines.push(
      `  frame of ${(e.span.end - e.span.start).toFixed(1)} ms (main busy ${e.mainBusy.toFixed(1)} ms):`,
      table(e.tally, 8),
    );
  }
  return lines.join('\n');
}

/** CPU time (ms) of the top-level tasks of each thread group in the whole trace (wall time where CPU is missing). */
export function cpuByGroup(events: readonly TraceEvent[]): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { group, events: evs } of threadsOf(events)) {
    if (group === null) continue;
    for (const s of slicesOf(evs)) {
      if (s.depth === 0) out[group] = (out[group] ?? 0) + (s.cpu ?? s.end - s.start);
    }
  }
  return out;
}

/** Self time by "group: event name" over the whole trace, the `top` largest, as text lines. */
export function profileTrace(events: readonly TraceEvent[], top: number, divisor = 1): string {
  const { pid } = longFrames(events);
  const tally: Tally = new Map();
  for (const { group, pid: threadPid, events: evs } of threadsOf(events)) {
    if (group === null || (group !== 'viz' && pid >= 0 && threadPid !== pid)) continue;
    tallySelf(
      group,
      slicesOf(evs),
      { start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY },
      tally,
    );
  }
  const scaled: Tally = new Map(
    [...tally].map(([k, v]) => [k, { wall: v.wall / divisor, cpu: v.cpu / divisor }]),
  );
  return table(scaled, top);
}
