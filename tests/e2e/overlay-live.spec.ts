import type { Page } from '@playwright/test';
import { readMockAceExpectations } from './ace-routes';
import { expect, setSettings, test, useFixtureToday } from './extension-test';
import { allBadges, doubledBadges, settledBadges } from './support/badges';
import { captureClaimFor } from './support/capture-claim';

test('single-page app: late rows, load more, refresh and pushState routes all get badges, none twice', async ({ context, background, mockAce }) => {
  await useFixtureToday(background);
  const expected = await readMockAceExpectations();
  const page = await context.newPage();
  await page.goto(mockAce.url('/spa/'));
  const firstScreen = expected['/spa/']!;
  await settledBadges(page, Object.keys(firstScreen).length);

  await page.getByRole('button', { name: 'Load more' }).click();
  const afterFirst = { ...firstScreen, ...expected['/spa/#load-more-1'] };
  await settledBadges(page, Object.keys(afterFirst).length);
  await page.getByRole('button', { name: 'Load more' }).click();
  const afterSecond = { ...afterFirst, ...expected['/spa/#load-more-2'] };
  const badges = await settledBadges(page, Object.keys(afterSecond).length);
  for (const badge of badges) {
    const want = afterSecond[badge.entryNumber]!;
    if (want.verdict !== 'any') expect.soft(badge.verdict, badge.entryNumber).toBe(want.verdict);
    if (want.nextDeadline) expect.soft(badge.deadline, badge.entryNumber).toBe(want.nextDeadline);
  }

  const countBefore = (await allBadges(page)).length;
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(async () => (await allBadges(page)).length).toBe(countBefore);
  expect(await doubledBadges(page)).toBe(0);

  await page.getByRole('link', { name: 'Claims' }).click();
  await expect(page.locator('main#view')).toHaveAttribute('data-route', 'claims');
  const claimsRoute = expected['/spa/claims']!;
  const onClaims = await settledBadges(page, Object.keys(claimsRoute).length);
  expect(new Set(onClaims.map((badge) => badge.entryNumber))).toEqual(new Set(Object.keys(claimsRoute)));

  await page.goBack();
  await expect(page.locator('main#view')).toHaveAttribute('data-route', 'entries');
  await settledBadges(page, Object.keys(firstScreen).length);
  expect(await doubledBadges(page)).toBe(0);
});

test('a hostile stylesheet neither breaks the badges nor is broken by them', async ({ context, background, mockAce }) => {
  await useFixtureToday(background);
  const expected = (await readMockAceExpectations())['/reports/es003-hostile-css.html']!;
  const page = await context.newPage();
  await page.goto(mockAce.url('/reports/es003-hostile-css.html'));
  await settledBadges(page, Object.keys(expected).length);
  const layout = await page.evaluate(() => {
    const spa = window as unknown as { __layoutAtLoad: { tableWidth: number; columnWidths: number[]; rowHeights: number[] }; __layoutNow(): typeof spa.__layoutAtLoad };
    return { before: spa.__layoutAtLoad, after: spa.__layoutNow() };
  });
  expect(layout.after.tableWidth).toBeCloseTo(layout.before.tableWidth, 0);
  layout.after.columnWidths.forEach((width, index) => expect(width).toBeCloseTo(layout.before.columnWidths[index]!, 0));
  layout.after.rowHeights.forEach((height, index) => expect(height).toBeCloseTo(layout.before.rowHeights[index]!, 0));
  const pill = page.locator('[data-cape-entry] >> button').first();
  await expect(pill).toBeVisible();
  const box = (await pill.boundingBox())!;
  expect(box.width).toBeGreaterThan(30);
  expect(box.height).toBeGreaterThan(10);
  await pill.focus();
  await expect(page.locator('[data-cape-tooltip] [role="tooltip"]')).toBeVisible();
});

test('the overlay switch removes and restores the badges without a reload', async ({ context, background, mockAce }) => {
  await useFixtureToday(background);
  const expected = (await readMockAceExpectations())['/reports/es003-thead.html']!;
  const page = await context.newPage();
  await page.goto(mockAce.url('/reports/es003-thead.html'));
  await settledBadges(page, Object.keys(expected).length);
  await setSettings(background, { overlayEnabled: false });
  await expect.poll(async () => (await allBadges(page)).length).toBe(0);
  await setSettings(background, { overlayEnabled: true });
  await settledBadges(page, Object.keys(expected).length);
});

test('changing the "check as of" date updates badges and countdowns live', async ({ context, background, mockAce }) => {
  await useFixtureToday(background);
  const expected = (await readMockAceExpectations())['/reports/es003-thead.html']!;
  const [entryNumber] = Object.entries(expected).find(([, want]) => want.verdict === 'eligible' && want.nextDeadline === '2026-12-20')!;
  const page = await context.newPage();
  await page.goto(mockAce.url('/reports/es003-thead.html'));
  await settledBadges(page, Object.keys(expected).length);
  const badge = page.locator(`[data-cape-entry="${entryNumber}"]`).first();
  await expect(badge).toHaveAttribute('data-cape-verdict', 'eligible');
  // A day later every countdown changes, all in the same frame.
  const withDeadline = await page.locator('[data-cape-entry][data-cape-deadline]').count();
  await expectAllChangeInOneFrame(page, withDeadline, () => setSettings(background, { checkAsOfDate: '2026-11-24' }));
  // The accessible description is the countdown shown, once, not both of its slots.
  const counting = page.locator('[data-cape-entry][data-cape-deadline]').first();
  const shownText = await counting.evaluate((host) => [...host.shadowRoot!.querySelectorAll('.countdown')].find((countdown) => countdown.checkVisibility())!.textContent);
  expect(shownText).toMatch(/^(\d+ d|today)$/);
  await expect(counting.locator('button')).toHaveAccessibleDescription(shownText);
  // The day after the window's last day, CAPE would reject it (domain.md §6).
  await setSettings(background, { checkAsOfDate: '2026-12-21' });
  await expect(badge).toHaveAttribute('data-cape-verdict', 'not-eligible');
});

test('on a report of 1,500 rows a date move changes every badge in one frame, and a claim learned then changes its one badge', async ({ context, background, mockAce, openExtensionPage }) => {
  test.setTimeout(120_000);
  await useFixtureToday(background);
  const url = mockAce.url('/reports/es003-large.html?rows=1500&seed=5');
  const truth = mockAce.generatedReport(url);
  const page = await context.newPage();
  await page.goto(url);
  await settledBadges(page, truth.validEntries.length + truth.invalidEntries.length, 60_000);
  const withDeadline = await page.locator('[data-cape-entry][data-cape-deadline]').count();
  expect(withDeadline).toBeGreaterThan(1_000);
  const shownCountdown = (host: Element) => [...host.shadowRoot!.querySelectorAll('.countdown')].find((countdown) => countdown.checkVisibility())?.textContent;
  await expectAllChangeInOneFrame(page, withDeadline, () => setSettings(background, { checkAsOfDate: '2026-11-24' }));
  const counting = page.locator('[data-cape-entry][data-cape-deadline]').first();
  await expect(counting.locator('button')).toHaveAccessibleDescription((await counting.evaluate(shownCountdown))!);

  // One entry becomes claimed: its badge says so, and no other badge changes.
  const claimedEntry = truth.validEntries[7]!;
  const claimed = page.locator(`[data-cape-entry="${claimedEntry}"]`).first();
  const pillTexts = () => page.evaluate(() => [...document.querySelectorAll('[data-cape-entry]')].map((host) => host.shadowRoot!.querySelector('button')!.innerText));
  const before = await pillTexts();
  await captureClaimFor(await openExtensionPage('popup.html'), claimedEntry, 'E2E-0000001');
  await expect(claimed).toHaveAttribute('data-cape-verdict', 'claimed');
  await expect(claimed.locator('button')).toHaveAccessibleName(/on claim E2E-0000001/);
  const after = await pillTexts();
  const changedPills = after.flatMap((text, index) => (text === before[index] ? [] : [text]));
  expect(changedPills.length).toBe(await page.locator(`[data-cape-entry="${claimedEntry}"]`).count());
  for (const text of changedPills) expect(text).toContain('Claimed');

  // The next date move shows the other slots again: the claimed badge still says so there.
  await expectAllChangeInOneFrame(page, await page.locator('[data-cape-entry][data-cape-deadline]').count(), () => setSettings(background, { checkAsOfDate: '2026-11-25' }));
  expect(await claimed.evaluate((host) => host.shadowRoot!.querySelector('button')!.innerText)).toContain('Claimed');
  await expect(counting.locator('button')).toHaveAccessibleDescription((await counting.evaluate(shownCountdown))!);
});

test('a hostile page script (patched builtins, frozen body, removed badges) gets no exception and the badges recover', async ({ context, background, mockAce }) => {
  await useFixtureToday(background);
  const expected = (await readMockAceExpectations())['/reports/es003-thead.html']!;
  await context.addInitScript(() => {
    Array.prototype.map = () => {
      throw new Error('page patched map');
    };
    Array.prototype.filter = () => [];
    Array.prototype.indexOf = () => -1;
    Object.defineProperty(Node.prototype, 'textContent', { get: () => 'patched' });
    window.MutationObserver = class {
      observe() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    } as unknown as typeof MutationObserver;
    document.addEventListener('DOMContentLoaded', () => Object.freeze(document.body));
  });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(mockAce.url('/reports/es003-thead.html'));
  // Locators read in Playwright's own world: the page's patched builtins would break a page-world evaluate.
  const hosts = page.locator('[data-cape-entry]');
  const unfinished = page.locator('[data-cape-entry]:not([data-cape-verdict])');
  await expect.poll(async () => (await hosts.count()) > 0 && (await unfinished.count()) === 0).toBe(true);
  const entries = new Set<string>();
  for (const host of await hosts.all()) entries.add((await host.getAttribute('data-cape-entry'))!);
  expect(entries).toEqual(new Set(Object.keys(expected)));
  const badgeCount = await hosts.count();
  await page.evaluate(() => {
    const found = document.querySelectorAll('[data-cape-entry]');
    for (let index = 0; index < 5; index++) found[index]!.remove();
  });
  await expect.poll(() => hosts.count()).toBe(badgeCount);
  expect(pageErrors).toEqual([]);
});

test('a 10,000-row report gets every badge, each entry once per row, all shown in one go', async ({ context, background, mockAce }) => {
  test.setTimeout(120_000);
  await useFixtureToday(background);
  const url = mockAce.url('/reports/es003-large.html?rows=10000&seed=7');
  const truth = mockAce.generatedReport(url);
  const page = await context.newPage();
  // Every reveal makes Chromium lay the whole table out again: the page's badges must be shown by one task, not chunk by chunk.
  await page.addInitScript(() => {
    const revealsPerTask: number[] = [];
    (window as unknown as { __revealsPerTask: number[] }).__revealsPerTask = revealsPerTask;
    new MutationObserver((records) => {
      let revealed = 0;
      for (const record of records) if (record.oldValue !== null && !(record.target as Element).hasAttribute('data-cape-hidden')) revealed++;
      if (revealed) revealsPerTask.push(revealed);
    }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-cape-hidden'] });
  });
  await page.goto(url);
  const badges = await settledBadges(page, truth.validEntries.length + truth.invalidEntries.length, 60_000);
  const badged = new Set(badges.map((badge) => badge.entryNumber));
  for (const entryNumber of truth.validEntries) expect.soft(badged.has(entryNumber), entryNumber).toBe(true);
  for (const lookAlike of truth.lookAlikes.slice(0, 50)) expect.soft(badged.has(lookAlike.replace(/\D/g, '')), lookAlike).toBe(false);
  expect(await doubledBadges(page)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __revealsPerTask: number[] }).__revealsPerTask)).toEqual([badges.length]);
});

test('facts learned on a report are remembered: a page showing only the number gets the same verdict', async ({ context, background, mockAce }) => {
  await useFixtureToday(background);
  const expected = (await readMockAceExpectations())['/reports/es003-thead.html']!;
  const decided = Object.entries(expected).filter(([, want]) => want.verdict === 'not-eligible' || want.verdict === 'eligible-refund-at-liquidation').slice(0, 3);
  const page = await context.newPage();
  await page.goto(mockAce.url('/reports/es003-thead.html'));
  await settledBadges(page, Object.keys(expected).length);

  await context.route('https://ace.cbp.dhs.gov/test/only-numbers.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>Notes</title><body><p>Follow up on ${decided.map(([entryNumber]) => entryNumber).join(', ')} next week.</p></body></html>`,
    }),
  );
  await page.goto(mockAce.url('/test/only-numbers.html'));
  await settledBadges(page, decided.length);
  for (const [entryNumber, want] of decided) {
    await expect(page.locator(`[data-cape-entry="${entryNumber}"]`)).toHaveAttribute('data-cape-verdict', want.verdict);
  }
});

test('one text node holding 50,000 entry numbers gets all its badges, cut a slice per task (not number by number, nor all in one task)', async ({ context, background }) => {
  test.setTimeout(120_000);
  await useFixtureToday(background);
  const count = 50_000;
  // Counts the tasks that cut the node: each task's changes reach a page observer as one batch.
  await context.addInitScript(() => {
    const cuts = { batches: 0 };
    Object.assign(window, { __cuts: cuts });
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver(() => cuts.batches++).observe(document.querySelector('p')!, { childList: true });
    });
  });
  await context.route('https://ace.cbp.dhs.gov/test/one-text-node.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>Notes</title><body><p>${'ABC12345676 '.repeat(count)}</p></body></html>` }),
  );
  const page = await context.newPage();
  await page.goto('https://ace.cbp.dhs.gov/test/one-text-node.html');
  await expect
    .poll(() => page.evaluate(() => (document.querySelector('[data-cape-hidden]') ? -1 : document.querySelectorAll('[data-cape-entry="ABC12345676"]').length)), { timeout: 90_000 })
    .toBe(count);
  expect(await page.evaluate(() => document.body.textContent!.replace(/\s+/g, ' ').trim())).toBe('ABC12345676 '.repeat(count).trim());
  // Cut a slice per task: all 50,000 badges in one task held the page for seconds.
  expect(await page.evaluate(() => (window as unknown as { __cuts: { batches: number } }).__cuts.batches)).toBeGreaterThan(10);
});

/**
 * Runs `change` and checks the user sees every badge with a deadline change in the same frame: sampled at each frame (the
 * pill's text as drawn), none shows some changed and others not.
 */
async function expectAllChangeInOneFrame(page: Page, withDeadline: number, change: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => {
    const shownText = (host: Element) => host.shadowRoot!.querySelector('button')!.innerText;
    const hosts = [...document.querySelectorAll('[data-cape-entry][data-cape-deadline]')];
    const before = hosts.map(shownText);
    const changedPerFrame: number[] = [];
    const changedNow = () => hosts.filter((host, index) => shownText(host) !== before[index]).length;
    Object.assign(window, { __changedPerFrame: changedPerFrame, __changedNow: changedNow });
    const sample = () => {
      changedPerFrame.push(changedNow());
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await change();
  const changedNow = () => page.evaluate(() => (window as unknown as { __changedNow: () => number }).__changedNow());
  await expect.poll(changedNow, { timeout: 30_000 }).toBe(withDeadline);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const changedPerFrame = await page.evaluate(() => (window as unknown as { __changedPerFrame: number[] }).__changedPerFrame);
  expect(changedPerFrame.filter((count) => count !== 0 && count !== withDeadline)).toEqual([]);
  expect(changedPerFrame.at(-1)).toBe(withDeadline);
}
