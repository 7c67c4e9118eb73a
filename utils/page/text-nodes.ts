/** Elements whose text is not page prose: code, styles, form fields, editable areas. */
const skippedTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'SVG', 'CODE', 'PRE']);

/** The shortest text that can hold an entry number (11 characters, undashed). */
const shortestEntryText = 11;

/**
 * Text nodes under `root` long enough to hold an entry number, skipping code, form fields, editable text and our own badges.
 * The walker has no script filter: a filter is a call into script per node, which on a 10,000-row table cost seconds.
 */
export function* textNodesUnder(root: Node, isOwnNode: (node: Node) => boolean): Generator<Text> {
  const skipped = new Map<Element, boolean>();
  const isInSkipped = (element: Element | null): boolean => {
    if (!element) return false;
    const known = skipped.get(element);
    if (known !== undefined) return known;
    const path: Element[] = [];
    let verdict = false;
    for (; element; element = element.parentElement) {
      const known = skipped.get(element);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(element);
      if (isSkipped(element, isOwnNode)) {
        verdict = true;
        break;
      }
    }
    for (const element of path) skipped.set(element, verdict);
    return verdict;
  };
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    if (text.length >= shortestEntryText && text.parentElement && !isInSkipped(text.parentElement)) yield text;
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE && root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    // `length`, not `data.length`: reading `data` copies the text into a new string for every node on the page.
    if (text.length >= shortestEntryText && !isInSkipped(text.parentElement)) yield text;
  }
}

/** Attribute checks only: `isContentEditable` recomputes styles, which costs a style pass per element on a page we are changing. */
function isSkipped(element: Element, isOwnNode: (node: Node) => boolean): boolean {
  if (skippedTags.has(element.tagName.toUpperCase()) || isOwnNode(element)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}
