// @vitest-environment happy-dom
/**
 * Page text is hostile input too (issue 7 §2): the overlay's scan and the claim capture, on any text in any
 * structure, raise no error, badge only entry numbers the text holds, and leave the page's own text as it was.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../utils/entry-check-digit';
import { findEntryNumbersInText } from '../../utils/entry-number';
import { isBadgeHost } from '../../utils/page/badge';
import { readClaimsOnPage } from '../../utils/page/claim-capture';
import { runAllSteps } from '../../utils/work-steps';
import { startOverlay } from '../../utils/page/overlay';
import { statusOptionsFrom } from '../../utils/status-options';
import { anyCodeUnitString, damagedEntryNumber, formulaText, hostileCell, validEntryNumber } from './helpers/hostile-input';

const options = statusOptionsFrom({ checkAsOfDate: null, assumeMissingFlagsAreNo: false }, '2026-11-23');

/** A page built of elements and text nodes (never parsed HTML: page text is text). */
type PageNode = { text: string } | { tag: string; role?: string; children: PageNode[] };

const pageText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(validEntryNumber, damagedEntryNumber, formulaText, fc.string({ maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: anyCodeUnitString(40) },
  { weight: 1, arbitrary: hostileCell },
  { weight: 1, arbitrary: fc.constantFrom('Entry Number', 'Entry Summary Number', 'Liquidation Date', 'Liquidation Status', 'HTS Number', 'Claim Number', 'Status') },
);

const tags = ['div', 'span', 'p', 'b', 'a', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'ul', 'li', 'h2', 'dl', 'dt', 'dd', 'script', 'style', 'textarea', 'code', 'pre', 'template'];

const pageTree = fc.letrec<{ node: PageNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    pageText.map((text): PageNode => ({ text })),
    fc
      .record({ tag: fc.constantFrom(...tags), role: fc.option(fc.constantFrom('grid', 'row', 'gridcell', 'columnheader', 'table', 'cell'), { nil: undefined }), children: fc.array(tie('node'), { maxLength: 5 }) })
      .map(({ tag, role, children }): PageNode => (role === undefined ? { tag, children } : { tag, role, children })),
  ),
})).node;

function build(node: PageNode): Node {
  if ('text' in node) return document.createTextNode(node.text);
  const element = document.createElement(node.tag);
  if (node.role) element.setAttribute('role', node.role);
  for (const child of node.children) element.append(build(child));
  return element;
}

/** Entry numbers in each text node of the page: the overlay reads text node by text node. */
function numbersInTextNodes(root: Node, found = new Set<string>()): Set<string> {
  if (root.nodeType === Node.TEXT_NODE) for (const match of findEntryNumbersInText((root as Text).data)) found.add(match.entryNumber);
  for (const child of root.childNodes) numbersInTextNodes(child, found);
  return found;
}

/** The page's own text, badges left out. */
function pageOwnText(root: Node): string {
  if (root.nodeType === Node.TEXT_NODE) return (root as Text).data;
  if (isBadgeHost(root)) return '';
  let text = '';
  for (const child of root.childNodes) text += pageOwnText(child);
  return text;
}

async function runOverlay(): Promise<{ errors: unknown[]; badges: string[] }> {
  const errors: unknown[] = [];
  const controller = new AbortController();
  const overlay = startOverlay(document, { lookup: async () => new Map(), statusOptions: () => options, onError: (error) => errors.push(error) }, controller.signal);
  await overlay.idle();
  const badges = [...document.querySelectorAll('[data-cape-entry]')].map((host) => host.getAttribute('data-cape-entry') ?? '');
  controller.abort();
  return { errors, badges };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('overlay text scan on any page', () => {
  it('raises no error, badges only numbers the page holds, and keeps the page text as it was', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pageTree, { minLength: 1, maxLength: 4 }), async (nodes) => {
        document.body.replaceChildren(...nodes.map(build));
        const before = pageOwnText(document.body);
        const inPage = numbersInTextNodes(document.body);
        const { errors, badges } = await runOverlay();
        expect(errors).toEqual([]);
        for (const entryNumber of badges) expect(inPage.has(entryNumber)).toBe(true);
        expect(pageOwnText(document.body)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('a table whose entry column holds anything: badges for valid numbers only, or an invalid badge for a whole-cell typo', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.oneof(validEntryNumber, damagedEntryNumber, hostileCell), pageText), { minLength: 1, maxLength: 30 }), async (rows) => {
        const table = document.createElement('table');
        const header = table.createTHead().insertRow();
        for (const name of ['Entry Summary Number', 'Liquidation Status']) header.append(Object.assign(document.createElement('th'), { textContent: name }));
        const body = table.createTBody();
        for (const [entry, status] of rows) {
          const row = body.insertRow();
          row.insertCell().textContent = entry;
          row.insertCell().textContent = status;
        }
        document.body.replaceChildren(table);
        const { errors, badges } = await runOverlay();
        expect(errors).toEqual([]);
        const numbers = new Set(rows.flatMap(([entry]) => findEntryNumbersInText(entry).map((match) => match.entryNumber)));
        for (const entryNumber of badges) expect(numbers.has(entryNumber)).toBe(true);
        for (const [entry] of rows) {
          for (const match of findEntryNumbersInText(entry)) if (match.checkDigitValid) expect(badges).toContain(match.entryNumber);
        }
      }),
      { numRuns: 100 },
    );
  });

  // 10,000 numbers in one text node here (happy-dom is slow with large fragments); 50,000 run in Chromium (overlay-live.spec.ts).
  it('a 10 MB text node of letters, digits or quotes, and one text node with 10,000 entry numbers', async () => {
    const size = 10 * 1024 * 1024;
    const texts = ['a'.repeat(size), '1'.repeat(size), `x${'"'.repeat(size)}x`, 'ABC12345676 '.repeat(10_000)];
    for (const text of texts) {
      document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
      const started = performance.now();
      const { errors, badges } = await runOverlay();
      expect(performance.now() - started).toBeLessThan(60_000);
      expect(errors).toEqual([]);
      expect(badges.every((entryNumber) => hasValidCheckDigit(entryNumber))).toBe(true);
    }
  }, 240_000);
});

describe('claim capture on any page', () => {
  it('reads any tables without throwing; messages are sentences', () => {
    fc.assert(
      fc.property(fc.array(pageTree, { minLength: 1, maxLength: 4 }), fc.array(fc.array(pageText, { minLength: 1, maxLength: 5 }), { maxLength: 12 }), (nodes, rows) => {
        const table = document.createElement('table');
        for (const cells of [['Claim Number', 'Entry Number', 'Status', 'Error Message'], ...rows]) {
          const row = table.insertRow();
          for (const cell of cells) row.insertCell().textContent = cell;
        }
        document.body.replaceChildren(...nodes.map(build), table);
        const result = runAllSteps(readClaimsOnPage(document, '2026-11-23T12:00:00.000Z'));
        for (const message of result.messages) expect(message.message.trim().length).toBeGreaterThan(0);
        for (const claim of result.claims) for (const entry of claim.entries) expect(entry.entryNumber).toMatch(/^[A-Z0-9]{11}$/);
      }),
      { numRuns: 150 },
    );
  });
});
