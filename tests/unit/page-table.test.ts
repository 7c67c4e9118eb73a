// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cellText, cellsOfRow, locateCell, rowsOfTable, type PageTable } from '../../utils/page/page-table';

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function cellWith(text: string): Element {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.includes(text)) return node.parentElement!;
  throw new Error(`no ${text}`);
}

describe('locateCell', () => {
  it('reads a table with thead and maps its columns', () => {
    mount(`<table><thead><tr><th>Entry Summary Number</th><th>Entry Type Code</th><th>Liquidation Status</th></tr></thead>
      <tbody><tr><td><a href="#">ABC-1234567-6</a></td><td>01</td><td>Unliquidated</td></tr></tbody></table>`);
    const place = locateCell(cellWith('ABC-1234567-6'), new WeakMap<Element, PageTable>())!;
    expect(place.columnIndex).toBe(0);
    expect(place.table.columns.entryNumber).toBe(0);
    expect(place.table.columns.entryType).toBe(1);
    expect(place.table.columns.liquidationStatus).toBe(2);
  });

  it('finds the header row in a table without thead', () => {
    mount(`<table><tr><td>Entry No.</td><td>Liquidation Date</td></tr><tr><td>x</td><td>ABC12345676</td></tr></table>`);
    const place = locateCell(cellWith('ABC12345676'), new WeakMap())!;
    expect(place.columnIndex).toBe(1);
    expect(place.table.columns).toMatchObject({ entryNumber: 0, liquidationDate: 1 });
  });

  it('reads ARIA grids', () => {
    mount(`<div role="grid"><div role="row"><span role="columnheader">Entry Number</span><span role="columnheader">Entry Type</span></div>
      <div role="row"><span role="gridcell">01</span><span role="gridcell"><b>ABC12345676</b></span></div></div>`);
    const place = locateCell(cellWith('ABC12345676'), new WeakMap())!;
    expect(place.columnIndex).toBe(1);
    expect(cellsOfRow(place.row)).toHaveLength(2);
    expect(rowsOfTable(place.table.element)).toHaveLength(2);
    expect(rowsOfTable(place.table.element, 1)).toEqual([place.table.headerRow]);
    expect(place.table.columns.entryNumber).toBe(0);
  });

  it('gives the first rows of a table when asked for a few', () => {
    mount(`<table><tr><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr></table>`);
    const table = document.querySelector('table')!;
    expect(rowsOfTable(table, 2).map((row) => row.textContent)).toEqual(['a', 'b']);
    expect(rowsOfTable(table)).toHaveLength(3);
  });

  it('reads div grids by structure alone', () => {
    mount(`<div><div><div>Entry Summary Number</div><div>Entry Type</div><div>HTS Number</div></div>
      <div><div>ABC12345676</div><div>01</div><div>9903.01.25</div></div></div>`);
    const place = locateCell(cellWith('ABC12345676'), new WeakMap())!;
    expect(place.columnIndex).toBe(0);
    expect(place.table.columns).toMatchObject({ entryNumber: 0, entryType: 1, htsNumber: 2 });
  });

  it('returns null for prose', () => {
    mount(`<p>Entry ABC-1234567-6 was filed.</p>`);
    expect(locateCell(cellWith('ABC-1234567-6'), new WeakMap())).toBeNull();
  });
});

describe('cellText', () => {
  it('collapses every kind of whitespace to single spaces and trims the ends', () => {
    const cell = document.createElement('td');
    for (const [raw, tidy] of <Array<[string, string]>>[
      ['  Formally\tliquidated\n', 'Formally liquidated'],
      ['Liquidation\u00a0date', 'Liquidation date'],
      ['Entry  type', 'Entry type'],
      [' 01', '01'],
      ['01 ', '01'],
      ['\n', ''],
    ]) {
      cell.textContent = raw;
      expect(cellText(cell)).toBe(tidy);
    }
  });

  it('gives clean text as it is', () => {
    const cell = document.createElement('td');
    cell.textContent = 'Formally liquidated on 2026-03-02';
    expect(cellText(cell)).toBe('Formally liquidated on 2026-03-02');
  });
});
