import type { AceResultTable, ClaimResultsImport } from '../claim-results-import';
import { parseAceResultTables } from '../claim-results-import';
import { tableToRows } from './table-rows';

const tableSelector = 'table, [role="table"], [role="grid"], [role="treegrid"]';

/** "Claim Number" facts the page states outside its tables (a summary `dl`, a heading), read as a title line above the table. */
function claimFactsOutsideTables(document: Document): string[] {
  const lines: string[] = [];
  for (const term of document.querySelectorAll('dt')) {
    const value = term.nextElementSibling;
    if (value?.tagName === 'DD') lines.push(`${term.textContent?.trim() ?? ''}: ${value.textContent?.trim() ?? ''}`);
  }
  return lines.filter((line) => /claim/i.test(line));
}

/** Tables of a CAPE page (File Uploads, Claim Status, claim details) with the page's own claim facts as title lines. */
export function claimTablesOnPage(document: Document): AceResultTable[] {
  const preamble = claimFactsOutsideTables(document).map((line) => [line]);
  const tables: AceResultTable[] = [];
  document.querySelectorAll(tableSelector).forEach((table, index) => {
    if (table.parentElement?.closest(tableSelector) || (table as HTMLElement).hidden) return;
    const rows = tableToRows(table);
    if (rows.length < 2) return;
    tables.push({ name: `${document.title || 'ACE page'} (table ${index + 1})`, rows: [...preamble, ...rows] });
  });
  return tables;
}

/** Claims, statuses and per-entry outcomes the page shows; empty when it is not a CAPE page. */
export function readClaimsOnPage(document: Document, importedAt: string): ClaimResultsImport {
  return parseAceResultTables(claimTablesOnPage(document), { importedAt, source: 'captured' });
}
