// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textNodesUnder } from '../../utils/page/text-nodes';

const isOurs = (node: Node) => node instanceof Element && node.hasAttribute('data-ours');

function textsUnder(root: Node): string[] {
  return [...textNodesUnder(root, isOurs)].map((text) => text.data.trim());
}

describe('textNodesUnder', () => {
  it('yields page text long enough for an entry number, in document order', () => {
    document.body.innerHTML = `<h1>Entry ABC-1234567-6</h1><table><tr><td>short</td><td><a><b>XYZ12345678</b></a></td></tr></table><p>Entry DEF-7654321-0 here</p>`;
    expect(textsUnder(document.body)).toEqual(['Entry ABC-1234567-6', 'XYZ12345678', 'Entry DEF-7654321-0 here']);
  });

  it('skips code, form fields, editable text and our own nodes, however deep the text sits in them', () => {
    document.body.innerHTML = `
      <pre><span><i>ABC-1234567-6 in pre</i></span></pre>
      <script>var entry = "ABC-1234567-6";</script><style>.x{content:"ABC-1234567-6"}</style>
      <textarea>ABC-1234567-6 typed</textarea><select><option>ABC-1234567-6 option</option></select>
      <div contenteditable="true"><p><span>ABC-1234567-6 being edited</span></p></div>
      <div contenteditable="false"><span>ABC-1234567-6 not editable</span></div>
      <span data-ours><span>ABC-1234567-6 ours</span></span>
      <p>ABC-1234567-6 prose</p>`;
    expect(textsUnder(document.body)).toEqual(['ABC-1234567-6 not editable', 'ABC-1234567-6 prose']);
  });

  it('takes a text node or an element as the root, and checks the root\u2019s own ancestors', () => {
    document.body.innerHTML = `<pre><span id="inside">ABC-1234567-6 code</span></pre><p id="prose">ABC-1234567-6 prose</p>`;
    expect(textsUnder(document.getElementById('inside')!)).toEqual([]);
    expect(textsUnder(document.getElementById('inside')!.firstChild!)).toEqual([]);
    expect(textsUnder(document.getElementById('prose')!)).toEqual(['ABC-1234567-6 prose']);
    expect(textsUnder(document.getElementById('prose')!.firstChild!)).toEqual(['ABC-1234567-6 prose']);
    expect(textsUnder(document.createComment('ABC-1234567-6'))).toEqual([]);
  });

  describe('with tables read by rows', () => {
    const entryColumnOf = (table: HTMLTableElement) => (table.dataset.entryColumn === undefined ? undefined : Number(table.dataset.entryColumn));
    const textsByRows = (root: Node) => [...textNodesUnder(root, isOurs, entryColumnOf)].map((text) => text.data.trim());
    const report = (id: string, column: number) => `<table id="${id}" data-entry-column="${column}"><caption>Report ${id} for EQ7-0056478-3</caption>
      <thead><tr><th>Entry Summary Number</th><th>Importer Name Text</th></tr></thead>
      <tbody><tr><td>EQ7-0056478-3</td><td>Amount 12345678901</td></tr><tr><td><a><b>EQ7-0056479-1</b> and EQ7-0056480-9</a></td><td>Notes and notes</td></tr>
      <tr><td></td><td>nothing in the entry cell</td></tr><tr><td colspan="2">a row spanning all columns</td></tr></tbody></table>`;

    it('reads only the caption and the entry cells of a table with an entry-number column, and the text around it', () => {
      document.body.innerHTML = `<p>Before the report text</p>${report('a', 0)}<p>Between the reports</p>${report('b', 1)}<p>After the reports text</p>`;
      expect(textsByRows(document.body)).toEqual([
        'Before the report text',
        'Report a for EQ7-0056478-3', 'Entry Summary Number', 'EQ7-0056478-3', 'EQ7-0056479-1', 'and EQ7-0056480-9', 'a row spanning all columns',
        'Between the reports',
        'Report b for EQ7-0056478-3', 'Importer Name Text', 'Amount 12345678901', 'Notes and notes', 'nothing in the entry cell',
        'After the reports text',
      ]);
    });

    it('reads a table given as the root by rows, and a table holding another table cell by cell', () => {
      document.body.innerHTML = report('a', 0);
      expect(textsByRows(document.getElementById('a')!)).toEqual(['Report a for EQ7-0056478-3', 'Entry Summary Number', 'EQ7-0056478-3', 'EQ7-0056479-1', 'and EQ7-0056480-9', 'a row spanning all columns']);
      document.body.innerHTML = `<table data-entry-column="0"><tr><td>Entry Summary Number</td><td>Nested report below</td></tr><tr><td>EQ7-0056478-3</td><td>${report('inner', 0)}</td></tr></table>`;
      expect(textsByRows(document.body)).toEqual(['Entry Summary Number', 'Nested report below', 'EQ7-0056478-3', 'Report inner for EQ7-0056478-3', 'Entry Summary Number', 'EQ7-0056478-3', 'EQ7-0056479-1', 'and EQ7-0056480-9', 'a row spanning all columns']);
    });

    it('skips editable, code and our own text in entry cells, and a table inside editable text', () => {
      document.body.innerHTML = `<table data-entry-column="0"><tr><td>Entry Summary Number</td></tr>
        <tr><td contenteditable="true">EQ7-0056478-3 being edited</td></tr><tr><td><code>EQ7-0056478-3 in code</code></td></tr>
        <tr><td>EQ7-0056479-1 kept<span data-ours>EQ7-0056479-1 ours</span></td></tr></table>
        <div contenteditable="true"><table data-entry-column="0"><tr><td>EQ7-0056480-9 being edited</td></tr></table></div>`;
      expect(textsByRows(document.body)).toEqual(['Entry Summary Number', 'EQ7-0056479-1 kept']);
    });

    it('reads every text of a table without an entry-number column', () => {
      document.body.innerHTML = '<table><tr><td>Left cell text</td><td>Right cell text</td></tr></table><p>After the table text</p>';
      expect(textsByRows(document.body)).toEqual(['Left cell text', 'Right cell text', 'After the table text']);
    });
  });
});
