import type { WorkSteps } from '../work-steps';
import { cellText, cellsOfRow, rowsOfTable } from './page-table';

/**
 * A page table as rows of cell texts, the way a CSV download of it would read: row and column spans repeated into every
 * slot they cover, and stacked header rows ("Entries" over "Total") joined into one header ("Entries Total").
 */
export function* tableToRows(table: Element): WorkSteps<string[][]> {
  const grid = table.tagName === 'TABLE' ? yield* spannedGrid(table as HTMLTableElement) : yield* gridOfRows(rowsOfTable(table));
  const headerRows = table.tagName === 'TABLE' ? ((table as HTMLTableElement).tHead?.querySelectorAll(':scope > tr').length ?? 0) : 0;
  if (headerRows < 2) return grid;
  const header = grid[0]!.map((_, column) => {
    const words: string[] = [];
    for (let row = 0; row < headerRows; row++) {
      const text = grid[row]?.[column] ?? '';
      if (text && words.at(-1) !== text) words.push(text);
    }
    return words.join(' ');
  });
  return [header, ...grid.slice(headerRows)];
}

/** Rows read per step: each cell read is a DOM call, and a claim's table may have 9,999 rows. */
const rowsPerStep = 100;

function* gridOfRows(rows: readonly Element[]): WorkSteps<string[][]> {
  const grid: string[][] = [];
  for (let index = 0; index < rows.length; index++) {
    if (index > 0 && index % rowsPerStep === 0) yield;
    grid.push(Array.from(cellsOfRow(rows[index]!), cellText));
  }
  return grid;
}

function* spannedGrid(table: HTMLTableElement): WorkSteps<string[][]> {
  const grid: string[][] = [];
  const rows = table.rows;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
    if (rowIndex > 0 && rowIndex % rowsPerStep === 0) yield;
    const row = rows[rowIndex]!;
    const cells = (grid[rowIndex] ??= []);
    let column = 0;
    for (const cell of Array.from(row.cells)) {
      while (cells[column] !== undefined) column++;
      const text = cellText(cell);
      const rowSpan = span(cell, 'rowspan');
      const colSpan = span(cell, 'colspan');
      for (let down = 0; down < rowSpan; down++) {
        const target = (grid[rowIndex + down] ??= []);
        for (let across = 0; across < colSpan; across++) target[column + across] = text;
      }
      column += colSpan;
    }
  }
  return grid.map((row) => Array.from(row, (text) => text ?? ''));
}

function span(cell: Element, attribute: 'rowspan' | 'colspan'): number {
  const value = Number.parseInt(cell.getAttribute(attribute) ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 1000) : 1;
}
