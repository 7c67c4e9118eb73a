import { expect, type Frame, type Page } from '@playwright/test';

export interface BadgeSeen {
  entryNumber: string;
  verdict: string | null;
  deadline: string | null;
}

/** Plain loops only: some tests patch the page's Array methods, and this runs in the page. */
export async function badgesIn(frame: Page | Frame): Promise<BadgeSeen[]> {
  return frame.$$eval('[data-cape-entry]', (hosts) => {
    const seen: BadgeSeen[] = [];
    for (let index = 0; index < hosts.length; index++) {
      const host = hosts[index]!;
      seen[seen.length] = {
        entryNumber: host.getAttribute('data-cape-entry')!,
        verdict: host.getAttribute('data-cape-verdict'),
        deadline: host.getAttribute('data-cape-deadline'),
      };
    }
    return seen;
  });
}

export async function allBadges(page: Page): Promise<BadgeSeen[]> {
  const perFrame = await Promise.all(page.frames().map((frame) => badgesIn(frame).catch(() => [])));
  return perFrame.flat();
}

/** Badges placed but not yet shown: the overlay reveals a pass's badges together at its end. */
async function hiddenBadgeCount(page: Page): Promise<number> {
  const perFrame = await Promise.all(page.frames().map((frame) => frame.$$eval('[data-cape-entry][data-cape-hidden]', (hosts) => hosts.length).catch(() => 0)));
  return perFrame.reduce((sum, count) => sum + count, 0);
}

/** Waits until the expected number of distinct entries have badges, every badge has its verdict, and all are shown. */
export async function settledBadges(page: Page, expectedEntries: number, timeout = 10_000): Promise<BadgeSeen[]> {
  await expect
    .poll(
      async () => {
        const badges = await allBadges(page);
        const entries = new Set(badges.map((badge) => badge.entryNumber)).size;
        return badges.every((badge) => badge.verdict !== null) && (await hiddenBadgeCount(page)) === 0 ? entries : -entries;
      },
      { timeout },
    )
    .toBe(expectedEntries);
  return allBadges(page);
}

/** Badges standing right after another badge of the same entry: a number badged twice. */
export async function doubledBadges(frame: Page | Frame): Promise<number> {
  return frame.$$eval('[data-cape-entry]', (hosts) => {
    let doubled = 0;
    for (let index = 0; index < hosts.length; index++) {
      const before = hosts[index]!.previousSibling;
      if (before instanceof Element && before.getAttribute('data-cape-entry') === hosts[index]!.getAttribute('data-cape-entry')) doubled += 1;
    }
    return doubled;
  });
}
