// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readClaimsOnPage } from '../../utils/page/claim-capture';
import { tableToRows } from '../../utils/page/table-rows';

const importedAt = '2026-11-23T12:00:00.000Z';

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
