/** Elements whose text is not page prose: code, styles, form fields, editable areas. */
const skippedTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'SVG', 'CODE', 'PRE']);

/** Text nodes under `root` long enough to hold an entry number, skipping code, form fields, editable text and our own badges. */
export function* textNodesUnder(root: Node, isOwnNode: (node: Node) => boolean): Generator<Text> {
  if (root.nodeType === Node.TEXT_NODE) {
    const parent = root.parentElement;
    if (parent && !isSkipped(parent, isOwnNode)) yield* worthReading(root as Text);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE && root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
  if (root.nodeType === Node.ELEMENT_NODE) {
    for (let element: Element | null = root as Element; element; element = element.parentElement) {
      if (isSkipped(element, isOwnNode)) return;
    }
  }
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      return isSkipped(node as Element, isOwnNode) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield* worthReading(node as Text);
}

function* worthReading(text: Text): Generator<Text> {
  if (text.data.length >= 11) yield text;
}

/** Attribute checks only: `isContentEditable` recomputes styles, which costs a style pass per element on a page we are changing. */
function isSkipped(element: Element, isOwnNode: (node: Node) => boolean): boolean {
  if (skippedTags.has(element.tagName.toUpperCase()) || isOwnNode(element)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}
