import type { AceResultTable, ClaimResultsImport } from '../claim-results-import';
import { parseAceResultTables } from '../claim-results-import';
import type { WorkSteps } from '../work-steps';
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
function* claimTablesOnPage(document: Document): WorkSteps<AceResultTable[]> {
  const preamble = claimFactsOutsideTables(document).map((line) => [line]);
  const tables: AceResultTable[] = [];
  const found = [...document.querySelectorAll(tableSelector)];
  for (const [index, table] of found.entries()) {
    if (table.parentElement?.closest(tableSelector) || (table as HTMLElement).hidden) continue;
    const rows = yield* tableToRows(table);
    if (rows.length < 2) continue;
    tables.push({ name: `${document.title || 'ACE page'} (table ${index + 1})`, rows: [...preamble, ...rows] });
  }
  return tables;
}

/** Claims, statuses and per-entry outcomes the page shows; empty when it is not a CAPE page. In steps: a claim may hold 9,999 entries. */
export function* readClaimsOnPage(document: Document, importedAt: string): WorkSteps<ClaimResultsImport> {
  return yield* parseAceResultTables(yield* claimTablesOnPage(document), { importedAt, source: 'captured' });
}
