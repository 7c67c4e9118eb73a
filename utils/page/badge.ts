import type { EntryAssessment, EntryVerdict } from '../entry-assessment';
import { formatEntryNumber } from '../entry-number';
import { countdownText, verdictLabels, verdictSymbols } from '../verdict-labels';
import { badgeCss, createShadowHost, otherSlot, restyleShared, type BadgeSlot } from './badge-style';

/** Marks our badge hosts, so scans and mutation handling skip them. */
export const badgeHostAttribute = 'data-cape-entry';

export function isBadgeHost(node: Node): node is HTMLElement {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(badgeHostAttribute);
}

/** What a badge shows: a predicted status, or that the number fails its check digit. */
export type BadgeContent = { kind: 'status'; status: EntryAssessment } | { kind: 'invalid'; entryNumber: string };

export function badgeVerdict(content: BadgeContent): EntryVerdict {
  return content.kind === 'invalid' ? 'invalid' : content.status.verdict;
}

/** Hidden badges take no room, so placing many costs the page no layout until they are revealed together. */
const hiddenAttribute = 'data-cape-hidden';

/** The badges' shared sheet, which says which of each badge's two slots is shown. */
const badgeSheetName = 'cape-badge';

/** The slot every badge shows now. */
let shownSlot: BadgeSlot = 0;

/** A badge host, hidden until revealed: a span whose shadow root keeps page styles out. */
export function createBadgeHost(entryNumber: string): HTMLElement {
  const { host } = createShadowHost(badgeHostAttribute, entryNumber, badgeCss(shownSlot), badgeSheetName);
  host.setAttribute(hiddenAttribute, '');
  return host;
}

export function revealBadge(host: HTMLElement): void {
  host.removeAttribute(hiddenAttribute);
}

/** What a badge shows, as one string: equal keys draw the same pill. */
function badgeKey(content: BadgeContent): string {
  const deadline = content.kind === 'status' ? content.status.deadlines.nextDeadline : undefined;
  const claimNumber = content.kind === 'status' ? (content.status.holdingClaim?.claimNumber ?? '') : '';
  return `${badgeVerdict(content)}|${deadline?.date ?? ''}|${deadline?.daysLeft ?? ''}|${claimNumber}`;
}

/** A badge's new look as plain values: working it out touches no page node, applying it writes only what differs. */
interface BadgeLook {
  key: string;
  verdict: EntryVerdict;
  deadlineDate: string | null;
  label: string;
  /** Empty when no deadline is ahead: an empty countdown is not drawn. */
  countdown: string;
  accessibleName: string;
}

function lookOf(content: BadgeContent, key: string): BadgeLook {
  const verdict = badgeVerdict(content);
  const deadline = content.kind === 'status' ? content.status.deadlines.nextDeadline : undefined;
  return {
    key,
    verdict,
    deadlineDate: deadline?.date ?? null,
    label: `${verdictSymbols[verdict]} ${verdictLabels[verdict]}`,
    countdown: deadline && deadline.daysLeft >= 0 ? countdownText(deadline.daysLeft) : '',
    accessibleName: badgeAccessibleName(content),
  };
}

/**
 * A badge's nodes. What the user sees (label, countdown, colour) is drawn twice, in two slots of which the shared sheet shows
 * one: a redraw writes the hidden slots (a text without a box costs no layout: 10,000 badges take a few ms instead of a long
 * task), then shows them all with one change to the sheet, so every badge changes in the same frame, laid out once. The
 * button, its name and the host's hooks are not doubled: focus stays put, and those writes do not touch layout.
 */
interface Pill {
  button: HTMLButtonElement;
  labels: [Text, Text];
  countdowns: [Text, Text];
  /** What each slot draws. */
  slotLooks: [BadgeLook | null, BadgeLook | null];
  /** What the hooks and the accessible name say. */
  named: BadgeLook | null;
}

const pills = new WeakMap<HTMLElement, Pill>();

/** IDs are scoped to the badge's shadow root. */
const countdownId = 'countdown';

function pillOf(host: HTMLElement): Pill {
  let pill = pills.get(host);
  if (pill) return pill;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'pill';
  // The countdown describes the pill rather than being part of its name: when the date moves, only the countdowns change.
  button.setAttribute('aria-describedby', countdownId);
  const slotText = (className: string, slot: BadgeSlot, parent: Element): Text => {
    const span = document.createElement('span');
    span.className = `${className}slot-${slot}`;
    const text = document.createTextNode('');
    span.append(text);
    parent.append(span);
    return text;
  };
  const labels: [Text, Text] = [slotText('', 0, button), slotText('', 1, button)];
  const countdown = document.createElement('span');
  countdown.id = countdownId;
  const countdowns: [Text, Text] = [slotText('countdown ', 0, countdown), slotText('countdown ', 1, countdown)];
  button.append(countdown);
  host.shadowRoot!.append(button);
  pills.set(host, (pill = { button, labels, countdowns, slotLooks: [null, null], named: null }));
  return pill;
}

/** Draws `look` in one slot, writing only what differs from what that slot drew. Text only, never HTML. */
function drawSlot(pill: Pill, slot: BadgeSlot, look: BadgeLook): void {
  const drawn = pill.slotLooks[slot];
  if (drawn?.key === look.key) return;
  if (drawn?.label !== look.label) pill.labels[slot].data = look.label;
  if (drawn?.countdown !== look.countdown) pill.countdowns[slot].data = look.countdown;
  if (drawn?.verdict !== look.verdict) pill.button.setAttribute(`data-verdict-${slot}`, look.verdict);
  pill.slotLooks[slot] = look;
}

/** The host's hooks and the button's name: no layout depends on them. */
function nameBadge(host: HTMLElement, pill: Pill, look: BadgeLook): void {
  const named = pill.named;
  if (named?.verdict !== look.verdict) host.setAttribute('data-cape-verdict', look.verdict);
  if (named?.deadlineDate !== look.deadlineDate) {
    if (look.deadlineDate) host.setAttribute('data-cape-deadline', look.deadlineDate);
    else host.removeAttribute('data-cape-deadline');
  }
  if (named?.accessibleName !== look.accessibleName) pill.button.setAttribute('aria-label', look.accessibleName);
  pill.named = look;
}

/** Fills or updates a badge at once, both slots (a badge still hidden, or a few changed). Returns false when nothing changed. */
export function renderBadge(host: HTMLElement, content: BadgeContent): boolean {
  const pill = pillOf(host);
  const key = badgeKey(content);
  if (pill.named?.key === key && pill.slotLooks[0]?.key === key && pill.slotLooks[1]?.key === key) return false;
  const look = pill.named?.key === key ? pill.named : lookOf(content, key);
  drawSlot(pill, 0, look);
  drawSlot(pill, 1, look);
  nameBadge(host, pill, look);
  return true;
}

/** A redraw of many badges, worked out off the page: what to draw in the hidden slots, and which badges change. */
export interface BadgeRedraw {
  hiddenSlot: BadgeSlot;
  drawHidden: Array<[Pill, BadgeLook]>;
  changed: Array<[HTMLElement, Pill, BadgeLook]>;
}

export const startBadgeRedraw = (): BadgeRedraw => ({ hiddenSlot: otherSlot(shownSlot), drawHidden: [], changed: [] });

/** Adds `host` showing `content` to the redraw. Touches no page node. */
export function planBadgeRedraw(redraw: BadgeRedraw, host: HTMLElement, content: BadgeContent): void {
  const pill = pillOf(host);
  const key = badgeKey(content);
  const look = pill.named?.key === key ? pill.named : lookOf(content, key);
  if (look !== pill.named) redraw.changed.push([host, pill, look]);
  // Unchanged badges too: their hidden slot may still draw an older look, and it is shown after the swap.
  if (pill.slotLooks[redraw.hiddenSlot]?.key !== key) redraw.drawHidden.push([pill, look]);
}

/** Step one, in chunks if need be: draws the hidden slots (no layout, nothing the user sees). */
export function drawHiddenSlot(redraw: BadgeRedraw, [pill, look]: [Pill, BadgeLook]): void {
  drawSlot(pill, redraw.hiddenSlot, look);
}

/**
 * Step two, in one task: shows the hidden slots of every badge at once. Where the badges carry their own `<style>` (no shared
 * sheet to change), the changed badges' shown slots are drawn instead, a write that costs layout.
 */
export function showRedrawnSlots(redraw: BadgeRedraw): void {
  if (redraw.changed.length === 0 && redraw.drawHidden.length === 0) return;
  if (restyleShared(badgeSheetName, badgeCss(redraw.hiddenSlot))) {
    shownSlot = redraw.hiddenSlot;
    return;
  }
  for (const [, pill, look] of redraw.changed) drawSlot(pill, shownSlot, look);
}

/** Step three, in chunks if need be: the hooks and names of the badges that changed (no layout depends on them). */
export function nameRedrawnBadge([host, pill, look]: [HTMLElement, Pill, BadgeLook]): void {
  nameBadge(host, pill, look);
}

export function badgeAccessibleName(content: BadgeContent): string {
  const entryNumber = content.kind === 'invalid' ? content.entryNumber : content.status.entryNumber;
  const verdict = badgeVerdict(content);
  const words = [`CAPE Companion: entry ${formatEntryNumber(entryNumber)}, ${verdictLabels[verdict]}`];
  if (content.kind === 'status') {
    const claim = content.status.holdingClaim;
    if (claim) words.push(`on claim ${claim.claimNumber}`);
    const deadline = content.status.deadlines.nextDeadline;
    if (deadline) words.push(`${deadline.label}: ${deadline.date}`);
  }
  return `${words.join('. ')}. Details on focus.`;
}
