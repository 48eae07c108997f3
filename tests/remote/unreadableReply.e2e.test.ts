import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, type RemoteShow, SHOTS, startRemoteShow } from './remoteShow';

const TOKEN = 'remote-e2e-unreadable-4Fd8Qp';

let show: RemoteShow;

beforeAll(async () => {
  show = await startRemoteShow('marquee-e2e-remote-unreadable-', TOKEN);
}, 180_000);

afterAll(async () => {
  await show?.stop();
});

/** A phone whose socket to the host garbles every reply to a command (a count of -1: no schema accepts it). */
async function phoneWithGarbledReplies(locale: string): Promise<Page> {
  const context = await show.chromium.browser.newContext({ ...PHONE, locale });
  const page = await context.newPage();
  await page.routeWebSocket(/\/api\/ws$/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      const data = JSON.parse(String(message)) as Record<string, unknown>;
      if ('ok' in data && typeof data.state === 'object' && data.state !== null) {
        ws.send(JSON.stringify({ ...data, state: { ...data.state, count: -1 } }));
      } else ws.send(message);
    });
  });
  await page.goto(`${show.lanUrl}/remote/#token=${TOKEN}`);
  await page.getByTestId('connection').and(page.locator('.online')).waitFor({ timeout: 15_000 });
  return page;
}

describe('web remote, a reply it cannot read', { timeout: 90_000 }, () => {
  it('says the screen’s answer could not be read instead of waiting forever (en)', async () => {
    const page = await phoneWithGarbledReplies('en-US');
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    const toast = page.getByRole('status');
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.textContent()).toBe(
      'The screen’s answer could not be read. Check the screen, then try again.',
    );
    // A long message uses the phone's width (16 px margins), not half of it: two lines, not five.
    const box = await toast.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(PHONE.viewport.width - 40);
    expect(box?.height ?? Number.POSITIVE_INFINITY).toBeLessThan(80);
    await page.screenshot({ path: join(SHOTS, 'remote-en-unreadable-reply.png') });
    await page.context().close();
  });

  it('says it in Chinese on a Chinese phone', async () => {
    const page = await phoneWithGarbledReplies('zh-CN');
    await page.getByRole('button', { name: '暂停' }).tap();
    const toast = page.getByRole('status');
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.textContent()).toBe('无法读取屏幕的回复。请查看屏幕后重试。');
    await page.screenshot({ path: join(SHOTS, 'remote-zh-unreadable-reply.png') });
    await page.context().close();
  });
});
