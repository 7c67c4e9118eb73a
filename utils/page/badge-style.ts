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

/** Each badge has two slots (label, countdown, colour); the shared sheet shows one. See badge.ts. */
export type BadgeSlot = 0 | 1;

export const otherSlot = (slot: BadgeSlot): BadgeSlot => (slot === 0 ? 1 : 0);

/**
 * Styles inside each badge's shadow root, showing slot `shown` (sized in em of the page's text, so the pill never makes a row
 * taller): the page's styles stay out, ours stay in (`:host` !important outranks the page's rules on the host). The host
 * draws no box (`display: contents`): the pill is a badge's one box in the cell, which cut the reveal's layout by a tenth.
 */
export function badgeCss(shown: BadgeSlot): string {
  // Every badge host asks for it: building it each time was a quarter of what placing 10,000 badges allocated.
  return (badgeCssBySlot[shown] ??= cssShowing(shown));
}

const badgeCssBySlot: Partial<Record<BadgeSlot, string>> = {};

function cssShowing(shown: BadgeSlot): string {
  const verdictRules = Object.entries(verdictColours)
    .map(([verdict, colour]) => `.pill[data-verdict-${shown}="${verdict}"]{background:${colour.background};color:${colour.text};border-color:${colour.border}}`)
    .join('\n');
  return `
:host{all:initial !important;font-size:inherit !important;display:contents !important;float:none !important;position:static !important}
:host([data-cape-hidden]){display:none !important}
.pill{all:initial;box-sizing:border-box;display:inline-block;vertical-align:baseline;margin-inline-start:0.3em;white-space:pre;
  font:600 0.8em/1.1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;padding:0 0.45em;border:1px solid;border-radius:1em;cursor:default}
.pill:focus-visible{outline:2px solid #1a1a1a;outline-offset:1px}
.countdown{font-weight:400;margin-inline-start:0.35em;padding-inline-start:0.35em;border-inline-start:1px solid currentColor}
.countdown:empty{display:none}
.slot-${otherSlot(shown)}{display:none}
${verdictRules}
`;
}

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

/** Shared constructed sheets by name; null where adopting was refused (each shadow root then carries a `<style>`). */
const sheets = new Map<string, CSSStyleSheet | null>();

/** One shared constructed sheet for every shadow root (not one stylesheet fetch per badge); a `<style>` where adopting is refused. */
export function applyStyles(shadow: ShadowRoot, css: string, sheetName = css): void {
  let sheet = sheets.get(sheetName);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(sheetName, sheet);
  }
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      sheets.set(sheetName, null);
    }
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

/** Replaces the shared sheet `sheetName` in every shadow root at once. False where there is none (or some root has its own `<style>`). */
export function restyleShared(sheetName: string, css: string): boolean {
  const sheet = sheets.get(sheetName);
  if (!sheet) return false;
  sheet.replaceSync(css);
  return true;
}

/** A span marked as ours, whose open shadow root carries the given styles: the one way the overlay puts anything in a page. */
export function createShadowHost(marker: string, markerValue: string, css: string, sheetName = css): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement('span');
  host.setAttribute(marker, markerValue);
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow, css, sheetName);
  return { host, shadow };
}
