import type { EntryAssessment, EntryVerdict } from '../entry-assessment';
import { formatEntryNumber } from '../entry-number';
import { countdownText, verdictLabels, verdictSymbols } from '../verdict-labels';
import { badgeCss, countdownSlotClass, createShadowHost, showCountdownSlot, type CountdownSlot } from './badge-style';

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

/** A badge host, hidden until revealed: a span whose shadow root keeps page styles out. */
export function createBadgeHost(entryNumber: string): HTMLElement {
  const { host } = createShadowHost(badgeHostAttribute, entryNumber, badgeCss);
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
export interface PreparedBadge {
  key: string;
  verdict: EntryVerdict;
  deadlineDate: string | null;
  label: string;
  countdown: string | null;
  accessibleName: string;
}

function prepareBadge(content: BadgeContent, key: string): PreparedBadge {
  const verdict = badgeVerdict(content);
  const deadline = content.kind === 'status' ? content.status.deadlines.nextDeadline : undefined;
  return {
    key,
    verdict,
    deadlineDate: deadline?.date ?? null,
    label: `${verdictSymbols[verdict]} ${verdictLabels[verdict]}`,
    countdown: deadline && deadline.daysLeft >= 0 ? countdownText(deadline.daysLeft) : null,
    accessibleName: badgeAccessibleName(content),
  };
}

/** The pill's nodes (a text node and a countdown span: as few as the words need) and what was last written to them. */
interface Pill {
  button: HTMLButtonElement;
  label: Text;
  /** The countdown's two text slots, of which the shared stylesheet shows one (`showCountdownSlot`). */
  countdown: [Text, Text] | null;
  shown: PreparedBadge | null;
}

const pills = new WeakMap<HTMLElement, Pill>();

/**
 * The countdown describes the pill rather than being part of its name: when the date moves, every countdown changes, and a
 * text write per badge is what a redraw of 10,000 then costs (the name, an attribute, would be a second write). IDs are
 * scoped to the badge's shadow root.
 */
const countdownId = 'countdown';

/** The countdown slot every badge shows now. */
let shownSlot: CountdownSlot = 0;

function pillOf(host: HTMLElement): Pill {
  let pill = pills.get(host);
  if (!pill) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pill';
    const label = document.createTextNode('');
    button.append(label);
    host.shadowRoot!.append(button);
    pills.set(host, (pill = { button, label, countdown: null, shown: null }));
  }
  return pill;
}

/** The badge's new look, or null when it already shows this content. */
function badgeUpdate(host: HTMLElement, content: BadgeContent): PreparedBadge | null {
  const key = badgeKey(content);
  return pills.get(host)?.shown?.key === key ? null : prepareBadge(content, key);
}

/**
 * Many badges' changes, worked out off the page and applied in one task. When the date moves, most badges change only their
 * countdown: each such badge's new countdown goes into its hidden slot (text without a box costs no layout: 10,000 writes
 * take a few ms instead of 20–50), then one stylesheet rule shows those slots, so every countdown changes in the same frame.
 */
export interface BadgeWrites {
  /** Every badge with a countdown that keeps its look otherwise, with its next look: all their hidden slots are filled. */
  countdownPills: Pill[];
  countdownLooks: PreparedBadge[];
  countdownChanged: boolean;
  wholeBadges: Array<[HTMLElement, PreparedBadge]>;
}

export const noBadgeWrites = (): BadgeWrites => ({ countdownPills: [], countdownLooks: [], countdownChanged: false, wholeBadges: [] });

const onlyCountdownDiffers = (shown: PreparedBadge, next: PreparedBadge): boolean =>
  shown.verdict === next.verdict && shown.deadlineDate === next.deadlineDate && shown.label === next.label && shown.accessibleName === next.accessibleName;

/** Adds what `host` needs to show `content` to `writes`. Touches no page node. */
export function planBadgeWrite(writes: BadgeWrites, host: HTMLElement, content: BadgeContent): void {
  const pill = pills.get(host);
  const next = badgeUpdate(host, content);
  if (!next) {
    // Unchanged, yet its hidden slot must hold its countdown too in case the others' slots are swapped in.
    if (pill?.countdown && pill.shown) {
      writes.countdownPills.push(pill);
      writes.countdownLooks.push(pill.shown);
    }
    return;
  }
  if (pill?.shown && pill.countdown && next.countdown !== null && onlyCountdownDiffers(pill.shown, next)) {
    writes.countdownPills.push(pill);
    writes.countdownLooks.push(next);
    writes.countdownChanged = true;
  } else {
    writes.wholeBadges.push([host, next]);
  }
}

export function applyBadgeWrites(writes: BadgeWrites): void {
  if (writes.countdownChanged) {
    const { countdownPills, countdownLooks } = writes;
    const hidden: CountdownSlot = shownSlot === 0 ? 1 : 0;
    for (let index = 0; index < countdownPills.length; index++) countdownPills[index]!.countdown![hidden].data = countdownLooks[index]!.countdown!;
    if (showCountdownSlot(hidden)) {
      shownSlot = hidden;
    } else {
      // No shared stylesheet to swap in (badges carry their own): the shown slot is written, a write that costs layout.
      for (let index = 0; index < countdownPills.length; index++) countdownPills[index]!.countdown![shownSlot].data = countdownLooks[index]!.countdown!;
    }
    for (let index = 0; index < countdownPills.length; index++) countdownPills[index]!.shown = countdownLooks[index]!;
  }
  for (const [host, look] of writes.wholeBadges) applyBadge(host, look);
}

function countdownSlots(button: HTMLButtonElement, text: string): [Text, Text] {
  const span = document.createElement('span');
  span.className = 'countdown';
  span.id = countdownId;
  const slots: [Text, Text] = [document.createTextNode(text), document.createTextNode(text)];
  slots.forEach((slot, index) => {
    const slotSpan = document.createElement('span');
    slotSpan.className = countdownSlotClass(index as CountdownSlot);
    slotSpan.append(slot);
    span.append(slotSpan);
  });
  button.append(span);
  button.setAttribute('aria-describedby', countdownId);
  return slots;
}

/**
 * Text only, never HTML. Compares with what it wrote last, not with the page (reading the DOM costs as much as writing),
 * and writes only what differs: a settings change redraws every badge in one task.
 */
function applyBadge(host: HTMLElement, prepared: PreparedBadge): void {
  const pill = pillOf(host);
  const shown = pill.shown;
  if (shown?.verdict !== prepared.verdict) {
    host.setAttribute('data-cape-verdict', prepared.verdict);
    pill.button.setAttribute('data-verdict', prepared.verdict);
  }
  if (shown?.deadlineDate !== prepared.deadlineDate) {
    if (prepared.deadlineDate) host.setAttribute('data-cape-deadline', prepared.deadlineDate);
    else host.removeAttribute('data-cape-deadline');
  }
  if (shown?.label !== prepared.label) pill.label.data = prepared.label;
  if (prepared.countdown === null) {
    (pill.countdown?.[0].parentNode?.parentNode as Element | null | undefined)?.remove();
    pill.button.removeAttribute('aria-describedby');
    pill.countdown = null;
  } else if (!pill.countdown) {
    pill.countdown = countdownSlots(pill.button, prepared.countdown);
  } else if (shown?.countdown !== prepared.countdown) {
    // Both slots: whichever the stylesheet shows, now or after the next swap, holds this countdown.
    for (const slot of pill.countdown) slot.data = prepared.countdown;
  }
  if (shown?.accessibleName !== prepared.accessibleName) pill.button.setAttribute('aria-label', prepared.accessibleName);
  pill.shown = prepared;
}

/** Fills or updates a badge at once. Returns false when nothing changed. */
export function renderBadge(host: HTMLElement, content: BadgeContent): boolean {
  const update = badgeUpdate(host, content);
  if (update) applyBadge(host, update);
  return update !== null;
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
