// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readClaimsOnPage as claimsOnPageInSteps } from '../../utils/page/claim-capture';
import { tableToRows as tableToRowsInSteps } from '../../utils/page/table-rows';
import { runAllSteps } from '../../utils/work-steps';
import { entryCheckDigit } from '../../utils/entry-check-digit';

const importedAt = '2026-11-23T12:00:00.000Z';
const readClaimsOnPage = (document: Document, at: string) => runAllSteps(claimsOnPageInSteps(document, at));
const tableToRows = (table: Element) => runAllSteps(tableToRowsInSteps(table));

function load(path: string): void {
  const html = readFileSync(resolve('tests/fixtures/ace', path), 'utf8');
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, '');
}

describe('tableToRows', () => {
  it('repeats spans and joins stacked header rows', () => {
    document.body.innerHTML = `<table><thead><tr><th rowspan="2">Claim Number</th><th colspan="2">Entries</th></tr><tr><th>Total</th><th>Rejected</th></tr></thead>
      <tbody><tr><td>C-1</td><td>4</td><td>1</td></tr></tbody></table>`;
    expect(tableToRows(document.querySelector('table')!)).toEqual([
      ['Claim Number', 'Entries Total', 'Entries Rejected'],
      ['C-1', '4', '1'],
    ]);
  });
});

describe('readClaimsOnPage', () => {
  it('reads the claims of the mock Claim Status page with their statuses', () => {
    load('cape/claim-status.html');
    const result = readClaimsOnPage(document, importedAt);
    const expected = JSON.parse(readFileSync(resolve('tests/fixtures/ace/expected-claims.json'), 'utf8')) as Record<string, { status: string }>;
    const byNumber = new Map(result.claims.map(({ claim }) => [claim.claimNumber, claim]));
    expect([...byNumber.keys()].sort()).toEqual(Object.keys(expected).sort());
    expect(byNumber.get('CAPE-26-0001733')?.aceStatus).toBe('accepted-with-errors');
    expect(byNumber.get('CAPE-26-0001502')?.aceStatus).toBe('rejected');
    expect(byNumber.get('CAPE-26-0001733')?.entryCount).toBe(6);
  });

  it('reads nothing from a page without claim tables', () => {
    document.body.innerHTML = '<table><tr><th>Name</th><th>Phone</th></tr><tr><td>Help desk</td><td>202-325-8000</td></tr></table>';
    expect(readClaimsOnPage(document, importedAt).claims).toEqual([]);
  });
});

describe('the File Uploads page', () => {
  it('records the claims of uploads without taking an accepted upload for the claim\'s own status', () => {
    load('cape/file-uploads.html');
    const byNumber = new Map(readClaimsOnPage(document, importedAt).claims.map(({ claim }) => [claim.claimNumber, claim]));
    // Accepted with Error(s) on Claim Status: the upload's "Accepted" must not overwrite that.
    expect(byNumber.get('CAPE-26-0001733')?.aceStatus).toBe('unknown');
    expect(byNumber.get('CAPE-26-0001733')?.aceStatusText).toBeUndefined();
    expect(byNumber.get('CAPE-26-0001502')?.aceStatus).toBe('rejected');
    expect(byNumber.get('CAPE-26-0001733')?.filedDate).toBe('2026-11-12');
  });
});

describe('a claim page of 2,500 entries', () => {
  it('is read a few rows per step, to the same claims as reading it at once', () => {
    const rows = Array.from({ length: 2_500 }, (_, index) => {
      const firstTen = `W5R${String(1_000_000 + index * 7).slice(-7)}`;
      return `<tr><td>${firstTen}${entryCheckDigit(firstTen)}</td><td>${index % 10 === 0 ? 'Rejected' : 'Accepted'}</td><td>${index % 10 === 0 ? 'ENTRY ON DRAWBACK' : ''}</td></tr>`;
    });
    document.body.innerHTML = `<h1>Claim Details</h1><dl><dt>Claim Number</dt><dd>CAPE-26-0002500</dd></dl>
      <table><thead><tr><th>Entry Number</th><th>Entry Status</th><th>Error Message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
    const steps = claimsOnPageInSteps(document, importedAt);
    let stepCount = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) stepCount++;
    // 100 table rows per step, then 200 claim rows per step.
    expect(stepCount).toBeGreaterThanOrEqual(2_500 / 100 + 2_500 / 200 - 2);
    expect(step.value).toEqual(readClaimsOnPage(document, importedAt));
    const [claim] = step.value.claims;
    expect(claim?.claim.claimNumber).toBe('CAPE-26-0002500');
    expect(claim?.entries).toHaveLength(2_500);
    expect(claim?.entries.filter((entry) => entry.outcome === 'rejected')).toHaveLength(250);
  });
});
