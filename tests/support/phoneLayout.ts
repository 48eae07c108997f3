import type { Locator } from 'playwright-core';

/** Whether all of an element's text is on the phone's screen: nothing cut off inside it, nothing past the edges. */
export function fitsOnPhone(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return (
      el.scrollWidth <= el.clientWidth + 1 &&
      el.scrollHeight <= el.clientHeight + 1 &&
      box.left >= 0 &&
      box.right <= window.innerWidth
    );
  });
}

/** An element's computed font size, in CSS pixels. */
export function fontSize(locator: Locator): Promise<number> {
  return locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
}
