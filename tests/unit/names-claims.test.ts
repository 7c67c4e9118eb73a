// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { namesClaims } from '../../utils/page/watch-claims-on-page';

function pageWith(html: string, title = 'ACE Reports'): Document {
  document.title = title;
  document.body.innerHTML = html;
  return document;
}

describe('namesClaims', async () => {
  it('finds claims named in the title, a heading, a column header, a term or a table\u2019s first row', async () => {
    expect(await namesClaims(pageWith('<p>Nothing here</p>', 'CAPE - Claim Status | ACE Portal'))).toBe(true);
    expect(await namesClaims(pageWith('<h1>Claim Details</h1>'))).toBe(true);
    expect(await namesClaims(pageWith('<table><thead><tr><th>Claim Number</th><th>Status</th></tr></thead></table>'))).toBe(true);
    expect(await namesClaims(pageWith('<div role="grid"><div role="row"><span role="columnheader">CAPE Claim No.</span></div></div>'))).toBe(true);
    expect(await namesClaims(pageWith('<dl><dt>Claim Number</dt><dd>CAPE-26-0001847</dd></dl>'))).toBe(true);
    expect(await namesClaims(pageWith('<table><tr><td>CLAIM NUMBER</td><td>STATUS</td></tr><tr><td>CAPE-26-1</td><td>Accepted</td></tr></table>'))).toBe(true);
  });

  it('leaves a report that names no claims where a page names its columns', async () => {
    const rows = Array.from({ length: 50 }, (_, row) => `<tr><td>EQ70056478${row % 10}</td><td>01</td><td>a claim may follow</td></tr>`).join('');
    expect(await namesClaims(pageWith(`<h1>ES-003 Entry Summary Line Tariff Details</h1><table><thead><tr><th>Entry Summary Number</th><th>Entry Type Code</th><th>Notes</th></tr></thead><tbody>${rows}</tbody></table><p>Claims are filed in CAPE.</p>`))).toBe(false);
  });
});
