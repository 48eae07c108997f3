// The booth scenario of the Electron stand-in (FAKE_ELECTRON_SCENARIO=booth): plays, against the shell's real
// handlers, a renderer that stops acknowledging, a crashed page, a dead GPU process, a GPU that falls back to
// software and a display unplugged and plugged back, and reads GET /api/health from the shell after each.
// It only records what happened; tests/electron/boothWiring.test.ts judges it.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value or `ms` pass; returns the last value. */
async function until(probe, ms = 30_000) {
  const end = Date.now() + ms;
  let value = await probe();
  while (!value && Date.now() < end) {
    await sleep(100);
    value = await probe();
  }
  return value;
}

async function boothScenario(ctx) {
  const out = { steps: [] };
  const health = async () => {
    const response = await fetch(ctx.healthUrl);
    return { status: response.status, body: await response.json() };
  };
  const lastSent = () => ctx.record.sent.filter((s) => s.channel === 'marquee:show').at(-1) ?? null;
  const win = ctx.windows[0];
  const step = async (name, extra = {}) => {
    // Why: the shell's own state before the health request, so a slow answer on a loaded machine cannot blur it.
    const seen = {
      reloads: ctx.record.reloads.length,
      lastSent: lastSent(),
      bounds: win?.getBounds() ?? null,
    };
    const h = await health();
    out.steps.push({ name, status: h.status, health: h.body, ...seen, ...extra });
  };

  // 1. The renderer acknowledges every slide: health says so.
  await until(async () => {
    const h = await health();
    return h.body.renderers?.acknowledgedSeq === h.body.seq && h.body.renderers.connected > 0;
  });
  await step('acknowledging');

  // 2. It stops acknowledging; the staff step to the next slide. The watchdog must reload it.
  ctx.renderer.acking = false;
  ctx.renderer.onReload = () => {
    ctx.renderer.acking = true;
  };
  const stuckAt = Date.now();
  const reloadsBefore = ctx.record.reloads.length;
  ctx.ipc('marquee:key', { type: 'key', action: 'next' });
  await sleep(300);
  await step('stuck', { reloadsBeforeStuck: reloadsBefore });
  await until(() => ctx.record.reloads.length > reloadsBefore);
  const reloadedAfterMs = ctx.record.reloads.at(-1) ? ctx.record.reloads.at(-1).at - stuckAt : null;
  await until(async () => (await health()).body.renderers?.acknowledgedSeq === lastSent()?.seq);
  await step('reloaded by the watchdog', { reloadedAfterMs });
  ctx.renderer.onReload = null;

  // 3. The page's renderer process crashes: it is reloaded and shown the same slide.
  const beforeCrash = { reloads: ctx.record.reloads.length, sent: ctx.record.sent.length, shown: lastSent() };
  // Why: a page that takes a while to load again keeps the window between crash and reload wide for the check.
  ctx.renderer.loadMs = 2000;
  win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  await sleep(50);
  await step('crashed', { beforeCrash });
  await until(
    () => ctx.record.reloads.length > beforeCrash.reloads && ctx.record.sent.length > beforeCrash.sent,
  );
  await until(async () => (await health()).body.renderers?.connected > 0, 10_000);
  ctx.renderer.loadMs = 0;
  await step('reloaded after the crash', {
    beforeCrash,
    sentAfterCrash: ctx.record.sent.slice(beforeCrash.sent),
  });

  // 4. The GPU process dies.
  const beforeGpu = ctx.record.reloads.length;
  ctx.app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
  await until(() => ctx.record.reloads.length > beforeGpu, 10_000);
  await step('GPU process gone', { reloadsBeforeGpu: beforeGpu });

  // 5. The GPU falls back to software drawing.
  ctx.setGpuStatus({
    gpu_compositing: 'disabled_software',
    webgl: 'unavailable_off',
    video_decode: 'enabled',
  });
  ctx.app.emit('gpu-info-update');
  await step('GPU in software');

  // 6. The side display is unplugged, then plugged back.
  ctx.displays.set([ctx.displays.primary]);
  ctx.screen.emit('display-removed', {}, ctx.displays.side);
  await sleep(100);
  await step('side display unplugged');
  ctx.displays.set([ctx.displays.side, ctx.displays.primary]);
  ctx.screen.emit('display-added', {}, ctx.displays.side);
  await sleep(100);
  await step('side display back');
  out.windowsOpened = ctx.windows.length;

  // 7. Staff look at the real screen: GET /api/screenshot through webContents.capturePage().
  const shot = async (query) => {
    const response = await fetch(new URL(`/api/screenshot${query}`, ctx.healthUrl), {
      headers: { Authorization: `Bearer ${process.env.MARQUEE_CONTROL_TOKEN}` },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      base64: response.ok ? bytes.toString('base64') : null,
      body: response.ok ? null : bytes.toString('utf8'),
    };
  };
  out.screenshot = {
    png: await shot('?format=png&width=160'),
    // Why: one a second per client; the next request waits out the limit so it is judged on its display.
    badDisplay: await sleep(1100).then(() => shot('?display=3')),
    health: (await health()).body.screenWatch,
    captures: ctx.record.captures,
  };

  // 8. Remote assets: served from the offline cache on app://, never from the network.
  const fromApp = async (url) => {
    const response = await ctx.fetchApp(url);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };
  const cacheUrl = (ref) => `app://renderer/cache/${encodeURIComponent(ref)}`;
  out.cache = {
    health: (await health()).body.cache,
    upcomingSrc: ctx.renderer.lastView?.upcoming?.src ?? null,
    cached: await fromApp(cacheUrl(ctx.remote.cached)),
    missing: await fromApp(cacheUrl(ctx.remote.missing)),
    marker: await fromApp(`app://renderer/cache/missing/${encodeURIComponent(ctx.remote.missing)}`),
    climbing: (await fromApp('app://renderer/cache/%2e%2e/%2e%2e/etc/passwd')).status,
  };
  return out;
}

module.exports = { boothScenario };
