import type { EntryVerdict } from '../entry-assessment';

/** Colours with at least 4.5:1 contrast for the text on them; the words and symbol carry the meaning too. */
export const verdictColours: Record<EntryVerdict, { background: string; text: string; border: string }> = {
  eligible: { background: '#e6f4ea', text: '#0d5323', border: '#1e7a3a' },
  'eligible-refund-at-liquidation': { background: '#e8f0fe', text: '#123f8c', border: '#2a5bb8' },
  'not-eligible': { background: '#fde8e8', text: '#8a1414', border: '#b42318' },
  unknown: { background: '#fff4dc', text: '#5c3c00', border: '#9a6700' },
  claimed: { background: '#efe9fb', text: '#4a2a8a', border: '#6941c6' },
  invalid: { background: '#f2f2f2', text: '#3d3d3d', border: '#6b6b6b' },
};

const verdictRules = Object.entries(verdictColours)
  .map(([verdict, colour]) => `.pill[data-verdict="${verdict}"]{background:${colour.background};color:${colour.text};border-color:${colour.border}}`)
  .join('\n');

/** Styles inside each badge's shadow root (sized in em of the page's text, so the pill never makes a row taller): the page's styles stay out, ours stay in (`:host` !important outranks the page's rules on the host). */
export const badgeCss = `
:host{all:initial !important;font-size:inherit !important;display:inline-block !important;vertical-align:baseline !important;
  margin-inline-start:0.3em !important;float:none !important;position:static !important}
:host([data-cape-hidden]){display:none !important}
.pill{all:initial;box-sizing:border-box;display:inline-block;white-space:pre;
  font:600 0.8em/1.1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;padding:0 0.45em;border:1px solid;border-radius:1em;cursor:default}
.pill:focus-visible{outline:2px solid #1a1a1a;outline-offset:1px}
.countdown{font-weight:400;margin-inline-start:0.35em;padding-inline-start:0.35em;border-inline-start:1px solid currentColor}
.countdown-1{display:none}
${verdictRules}
`;

export const tooltipCss = `
:host{all:initial !important}
.tip:not(:popover-open){display:none}
.tip{all:initial;box-sizing:border-box;position:fixed;margin:0;inset:auto;max-width:360px;padding:8px 10px;border:1px solid #6b6b6b;border-radius:6px;
  background:#ffffff;color:#1a1a1a;box-shadow:0 2px 8px rgba(0,0,0,.25);font:12px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;z-index:2147483647}
.tip h2{all:initial;display:block;font:700 12px/1.4 system-ui,sans-serif;color:#1a1a1a;margin:0 0 4px}
.tip ul{all:initial;display:block;margin:0 0 4px;padding-inline-start:14px;font:inherit;color:inherit}
.tip li{all:initial;display:list-item;list-style:disc;font:inherit;color:inherit}
.tip p{all:initial;display:block;font:inherit;color:inherit;margin:0 0 4px}
.tip .muted{color:#4a4a4a}
`;

const sheets = new Map<string, CSSStyleSheet | null>();

/** One shared constructed sheet for every shadow root (not one stylesheet fetch per badge); a `<style>` where adopting is refused. */
export function applyStyles(shadow: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      sheets.set(css, null);
    }
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

/** A span marked as ours, whose open shadow root carries the given styles: the one way the overlay puts anything in a page. */
export function createShadowHost(marker: string, markerValue: string, css: string): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement('span');
  host.setAttribute(marker, markerValue);
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow, css);
  return { host, shadow };
}

/** Each badge's countdown has two slots; the shared sheet's one `.countdown-N{display:none}` rule says which is hidden. */
export type CountdownSlot = 0 | 1;

export const countdownSlotClass = (slot: CountdownSlot): string => `countdown-${slot}`;

/**
 * Shows slot `slot` of every badge's countdown at once by changing that one rule of the shared sheet. False where there is
 * no shared sheet to change (badges that carry their own `<style>`).
 */
export function showCountdownSlot(slot: CountdownSlot): boolean {
  const sheet = sheets.get(badgeCss);
  if (!sheet) return false;
  for (const rule of sheet.cssRules) {
    if ('selectorText' in rule && /^\.countdown-[01]$/.test((rule as CSSStyleRule).selectorText)) {
      (rule as CSSStyleRule).selectorText = `.${countdownSlotClass(slot === 0 ? 1 : 0)}`;
      return true;
    }
  }
  return false;
}
