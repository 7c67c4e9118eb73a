import AxeBuilder from '@axe-core/playwright';
import { readMockAceExpectations, readMockAceLookAlikes } from './ace-routes';
import { expect, test, useFixtureToday } from './extension-test';
import { allBadges, doubledBadges, settledBadges } from './support/badges';

const reportPages = [
  '/reports/es003-thead.html',
  '/reports/es003-no-thead.html',
  '/reports/es003-grid.html',
  '/reports/es003-hostile-css.html',
  '/reports/es003-iframe.html',
  '/entry-summary.html',
];

for (const path of reportPages) {
  test(`badges on ${path} carry the expected verdicts and deadlines, once each, none on look-alikes`, async ({ context, background, mockAce }) => {
    await useFixtureToday(background);
    const expected = (await readMockAceExpectations())[path]!;
    const lookAlikes = (await readMockAceLookAlikes())[path] ?? [];
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(mockAce.url(path));
    const badges = await settledBadges(page, Object.keys(expected).length);

    expect(new Set(badges.map((badge) => badge.entryNumber))).toEqual(new Set(Object.keys(expected)));
    for (const badge of badges) {
      const want = expected[badge.entryNumber]!;
      if (want.verdict !== 'any') expect.soft(badge.verdict, `verdict of ${badge.entryNumber}`).toBe(want.verdict);
      if (want.nextDeadline) expect.soft(badge.deadline, `deadline of ${badge.entryNumber}`).toBe(want.nextDeadline);
    }
    const text = (await Promise.all(page.frames().map((frame) => frame.evaluate(() => document.body.innerText)))).join('\n');
    for (const lookAlike of lookAlikes) expect(text).toContain(lookAlike);
    for (const frame of page.frames()) expect(await doubledBadges(frame)).toBe(0);
    expect(badges.length).toBeGreaterThanOrEqual(Object.keys(expected).length);
    expect(await allBadges(page)).toHaveLength(badges.length);
    expect(pageErrors).toEqual([]);
  });
}

test('badge shows words and a countdown, and its tooltip opens on keyboard focus', async ({ context, background, mockAce }) => {
  await useFixtureToday(background);
  const expected = (await readMockAceExpectations())['/reports/es003-thead.html']!;
  const [entryNumber] = Object.entries(expected).find(([, want]) => want.verdict === 'eligible' && want.nextDeadline)!;
  const page = await context.newPage();
  await page.goto(mockAce.url('/reports/es003-thead.html'));
  await settledBadges(page, Object.keys(expected).length);
  const pill = page.locator(`[data-cape-entry="${entryNumber}"]`).first().locator('button');
  await expect(pill).toContainText('Eligible');
  await expect(pill).toContainText(/\d+ d|today/);
  await expect(pill).toHaveAccessibleDescription(/^(\d+ d|today)$/);
  await pill.focus();
  const tooltip = page.locator('[data-cape-tooltip] [role="tooltip"]');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('Rule set: CAPE Phase 2');
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
});

test('axe finds no serious or critical problem on a report with badges and an open tooltip; badges are reachable by Tab', async ({ context, background, mockAce }) => {
  await useFixtureToday(background);
  const expected = (await readMockAceExpectations())['/reports/es003-thead.html']!;
  const page = await context.newPage();
  await page.goto(mockAce.url('/reports/es003-thead.html'));
  await settledBadges(page, Object.keys(expected).length);
  for (let press = 0; press < 40; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.hasAttribute('data-cape-entry') ?? false)) break;
  }
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cape-entry'))).toMatch(/^[A-Z0-9]{11}$/);
  await expect(page.locator('[data-cape-tooltip] [role="tooltip"]')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-cape-entry]').include('[data-cape-tooltip]').analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});
