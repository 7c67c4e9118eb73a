import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, useFixtureToday } from './extension-test';
import { csvFile, expectCounts, notice, pickFiles, validEntry, waitForPanel } from './sidepanel-helpers';

/** A list file of `lines` entry numbers written to disk (large files go to the page as files, not through the test's memory twice). */
function listFileOnDisk(name: string, lines: number): string {
  const line = Buffer.from(`${validEntry('ABC', 1234567)}\r\n`, 'ascii');
  const content = Buffer.alloc(14 + line.length * lines);
  content.write('Entry Number\r\n', 0, 'ascii');
  for (let index = 0; index < lines; index++) line.copy(content, 14 + index * line.length);
  const path = join(mkdtempSync(join(tmpdir(), 'cape-input-')), name);
  writeFileSync(path, content);
  return path;
}

test.describe('side panel input', () => {
  test.beforeEach(async ({ background }) => {
    await useFixtureToday(background);
  });

  test('a long read shows progress with line counts, keeps the layout still, and cancels leaving the list as it was', async ({ openExtensionPage }) => {
    const panel = await openExtensionPage('sidepanel.html');
    await waitForPanel(panel);
    await pickFiles(panel, [csvFile('first.csv', `Entry Number\n${validEntry('XYZ', 1)}\n${validEntry('XYZ', 2)}\n`)]);
    await expect(notice(panel)).toContainText('Added 2 rows from first.csv.');
    await expectCounts(panel, { ready: 2 });

    // Position in the document, so a scroll of the page itself does not count as a jump.
    const gridTop = () => panel.getByRole('grid', { name: 'Staged entries' }).evaluate((grid) => grid.getBoundingClientRect().top + window.scrollY);
    const before = await gridTop();
    // About 45 MB: 3.4 million lines, seconds of reading in the worker.
    await panel.getByLabel('Choose files').setInputFiles(listFileOnDisk('large.csv', 3_400_000));
    const progress = panel.locator('.sp-progress');
    await expect(progress).toContainText(/Reading large\.csv: [\d,]+ lines \(\d+%\)/);
    expect(await gridTop(), 'the table does not move while a file is read').toBe(before);
    // The panel's own thread stays free: typing in the search box is answered at once.
    await panel.getByRole('searchbox', { name: 'Search' }).fill('XYZ');
    await expect(panel.getByRole('searchbox', { name: 'Search' })).toHaveValue('XYZ');
    await panel.getByRole('searchbox', { name: 'Search' }).fill('');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(notice(panel)).toContainText('Reading was cancelled; the list is as it was.');
    await expect(progress.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
    await expectCounts(panel, { ready: 2, excluded: 0 });
    expect(await gridTop()).toBe(before);
  });

  test('files over 50 MB and binary files get a clear message and leave the staged list unchanged', async ({ openExtensionPage }) => {
    const panel = await openExtensionPage('sidepanel.html');
    await waitForPanel(panel);
    await pickFiles(panel, [csvFile('first.csv', `Entry Number\n${validEntry('XYZ', 1)}\nnot a number\n`)]);
    await expectCounts(panel, { ready: 1, excluded: 1 });

    // 52 MB (over 50 MiB) of entry numbers: refused before reading.
    await panel.getByLabel('Choose files').setInputFiles(listFileOnDisk('too-big.csv', 4_200_000));
    await expect(notice(panel)).toContainText(/too-big\.csv was not added: it is 5\d\.\d MB, and the side panel reads files up to 50\.0 MB\. Split it/);
    await expectCounts(panel, { ready: 1, excluded: 1 });

    const workbook = Buffer.concat([Buffer.from('PK\u0003\u0004', 'binary'), Buffer.from(Array.from({ length: 4000 }, (_, index) => (index * 37) % 256))]);
    await pickFiles(panel, [{ name: 'claims.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook }]);
    await expect(notice(panel)).toContainText(/claims\.xlsx was not added: .*not text/);
    await expect(notice(panel).locator('[role="alert"]')).toHaveCount(1);
    await expectCounts(panel, { ready: 1, excluded: 1 });

    const random = Buffer.from(Array.from({ length: 5000 }, (_, index) => (index * 131 + 7) % 256));
    await pickFiles(panel, [{ name: 'photo.txt', mimeType: 'text/plain', buffer: random }, csvFile('good.csv', `${validEntry('XYZ', 3)}\n`)]);
    await expect(notice(panel)).toContainText('Added 1 row from 2 files.');
    await expect(notice(panel)).toContainText(/photo\.txt was not added/);
    await expectCounts(panel, { ready: 2, excluded: 1 });
  });
});
