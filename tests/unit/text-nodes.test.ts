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
});
