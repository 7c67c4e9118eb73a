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
 * A badge's nodes. What the user sees (label, countdown, colour) is drawn in two slots, of which the shared sheet shows one:
 * a redraw draws the hidden slots (a text without a box costs no layout: 10,000 badges take a few ms instead of a long task),
 * then shows them all with one change to the sheet, so every badge changes in the same frame, laid out once. The button, its
 * name and the host's hooks are not doubled: focus stays put, and those writes do not touch layout. The second slot is made
 * at the first redraw: a badge placed and never redrawn has one.
 */
interface Pill {
  button: HTMLButtonElement;
  slots: [SlotNodes | null, SlotNodes | null];
  /** What each slot draws. */
  slotLooks: [BadgeLook | null, BadgeLook | null];
  /** What the hooks and the accessible name say, and which slot's countdown describes the button. */
  named: BadgeLook | null;
  describedBy: BadgeSlot | null;
}

interface SlotNodes {
  label: Text;
  countdown: Text;
}

const pills = new WeakMap<HTMLElement, Pill>();

function pillOf(host: HTMLElement): Pill {
  let pill = pills.get(host);
  if (pill) return pill;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'pill';
  host.shadowRoot!.append(button);
  pills.set(host, (pill = { button, slots: [null, null], slotLooks: [null, null], named: null, describedBy: null }));
  return pill;
}

/** IDs are scoped to the badge's shadow root. */
const countdownId = (slot: BadgeSlot): string => `countdown-${slot}`;

function slotNodes(pill: Pill, slot: BadgeSlot): SlotNodes {
  let nodes = pill.slots[slot];
  if (nodes) return nodes;
  const span = document.createElement('span');
  span.className = `slot-${slot}`;
  const countdownSpan = document.createElement('span');
  countdownSpan.className = 'countdown';
  countdownSpan.id = countdownId(slot);
  nodes = { label: document.createTextNode(''), countdown: document.createTextNode('') };
  countdownSpan.append(nodes.countdown);
  span.append(nodes.label, countdownSpan);
  pill.button.append(span);
  return (pill.slots[slot] = nodes);
}

/** Draws `look` in one slot, writing only what differs from what that slot drew. Text only, never HTML. */
function drawSlot(pill: Pill, slot: BadgeSlot, look: BadgeLook): void {
  const drawn = pill.slotLooks[slot];
  if (drawn?.key === look.key) return;
  const nodes = slotNodes(pill, slot);
  if (drawn?.label !== look.label) nodes.label.data = look.label;
  if (drawn?.countdown !== look.countdown) nodes.countdown.data = look.countdown;
  if (drawn?.verdict !== look.verdict) pill.button.setAttribute(`data-verdict-${slot}`, look.verdict);
  pill.slotLooks[slot] = look;
}

/**
 * The host's hooks and the button's name and description (no layout depends on them). The countdown describes the button
 * rather than being part of its name, so the name stays while the date moves; a hidden slot is never referenced, as a
 * reference would make its text count.
 */
function nameBadge(host: HTMLElement, pill: Pill, look: BadgeLook): void {
  const named = pill.named;
  if (named?.verdict !== look.verdict) host.setAttribute('data-cape-verdict', look.verdict);
  if (named?.deadlineDate !== look.deadlineDate) {
    if (look.deadlineDate) host.setAttribute('data-cape-deadline', look.deadlineDate);
    else host.removeAttribute('data-cape-deadline');
  }
  if (named?.accessibleName !== look.accessibleName) pill.button.setAttribute('aria-label', look.accessibleName);
  if (pill.describedBy !== shownSlot) pill.button.setAttribute('aria-describedby', countdownId((pill.describedBy = shownSlot)));
  pill.named = look;
}

/** The look for `content`: the one the badge is named with when it is the same, so unchanged badges are recognised by identity. */
function lookFor(pill: Pill, content: BadgeContent): BadgeLook {
  const key = badgeKey(content);
  return pill.named?.key === key ? pill.named : lookOf(content, key);
}

/** Fills or updates a badge at once, in the slot shown (a badge still hidden, or one changed). Returns false when nothing changed. */
export function renderBadge(host: HTMLElement, content: BadgeContent): boolean {
  const pill = pillOf(host);
  const look = lookFor(pill, content);
  if (look === pill.named && pill.slotLooks[shownSlot]?.key === look.key && pill.describedBy === shownSlot) return false;
  drawSlot(pill, shownSlot, look);
  nameBadge(host, pill, look);
  return true;
}

/**
 * Badges changed up to which a redraw draws them in place, in one task: a few changed badges cost the page one relayout of its
 * table, where showing the other slot of every badge restyles them all (10,000-row report, one claim learned: the frame went
 * from 1.5 s to 0.45 s). Drawing a thousand stays a short task.
 */
const drawnInPlaceUpTo = 1_000;

/** A redraw of many badges, worked out off the page: every badge with its new look, and those whose look changed. */
export interface BadgeRedraw {
  hiddenSlot: BadgeSlot;
  badges: Array<[HTMLElement, Pill, BadgeLook]>;
  changed: Array<[HTMLElement, Pill, BadgeLook]>;
}

export const startBadgeRedraw = (): BadgeRedraw => ({ hiddenSlot: otherSlot(shownSlot), badges: [], changed: [] });

/** Adds `host` showing `content` to the redraw. Touches no page node. */
export function planBadgeRedraw(redraw: BadgeRedraw, host: HTMLElement, content: BadgeContent): void {
  const pill = pillOf(host);
  const look = lookFor(pill, content);
  const badge: [HTMLElement, Pill, BadgeLook] = [host, pill, look];
  redraw.badges.push(badge);
  if (look !== pill.named || pill.slotLooks[shownSlot]?.key !== look.key) redraw.changed.push(badge);
}

/** Few changed: drawn in the slot shown and named, in one task. False for a redraw too big for that, which goes in the steps below. */
export function drawRedrawInPlace(redraw: BadgeRedraw): boolean {
  if (redraw.changed.length > drawnInPlaceUpTo) return false;
  for (const [host, pill, look] of redraw.changed) {
    drawSlot(pill, shownSlot, look);
    nameBadge(host, pill, look);
  }
  return true;
}

/** Step one, in chunks if need be: draws the hidden slots (no layout, nothing the user sees). */
export function drawHiddenSlot(redraw: BadgeRedraw, [, pill, look]: [HTMLElement, Pill, BadgeLook]): void {
  drawSlot(pill, redraw.hiddenSlot, look);
}

/**
 * Step two, in one task: shows the hidden slots of every badge at once. Where the badges carry their own `<style>` (no shared
 * sheet to change), the changed badges' shown slots are drawn instead, a write that costs layout.
 */
export function showRedrawnSlots(redraw: BadgeRedraw): void {
  if (restyleShared(badgeSheetName, badgeCss(redraw.hiddenSlot))) {
    shownSlot = redraw.hiddenSlot;
    return;
  }
  for (const [, pill, look] of redraw.changed) drawSlot(pill, shownSlot, look);
}

/** Step three, in chunks if need be: hooks, names and descriptions of every badge (after a swap, unchanged ones' too). */
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
