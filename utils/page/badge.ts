import type { EntryAssessment, EntryVerdict } from '../entry-assessment';
import { formatEntryNumber } from '../entry-number';
import { countdownText, verdictLabels, verdictSymbols } from '../verdict-labels';
import { badgeCss, createShadowHost } from './badge-style';

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

export function isBadgeCurrent(host: HTMLElement, content: BadgeContent): boolean {
  return host.dataset.capeRendered === badgeKey(content);
}

export function prepareBadge(content: BadgeContent): PreparedBadge {
  const verdict = badgeVerdict(content);
  const deadline = content.kind === 'status' ? content.status.deadlines.nextDeadline : undefined;
  return {
    key: badgeKey(content),
    verdict,
    deadlineDate: deadline?.date ?? null,
    label: `${verdictSymbols[verdict]} ${verdictLabels[verdict]}`,
    countdown: deadline && deadline.daysLeft >= 0 ? ` · ${countdownText(deadline.daysLeft)}` : null,
    accessibleName: badgeAccessibleName(content),
  };
}

/** The pill's nodes: a text node and a countdown span, as few as the words need (revealing 10,000 badges styles every one). */
interface PillNodes {
  button: HTMLButtonElement;
  label: Text;
  countdown: HTMLSpanElement | null;
}

const pills = new WeakMap<HTMLElement, PillNodes>();

function pillOf(host: HTMLElement): PillNodes {
  let pill = pills.get(host);
  if (!pill) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pill';
    const label = document.createTextNode('');
    button.append(label);
    host.shadowRoot!.append(button);
    pills.set(host, (pill = { button, label, countdown: null }));
  }
  return pill;
}

/** Text only, never HTML; writes only what changed, since a settings change redraws every badge in one task. */
export function applyBadge(host: HTMLElement, prepared: PreparedBadge): void {
  host.dataset.capeRendered = prepared.key;
  if (host.getAttribute('data-cape-verdict') !== prepared.verdict) host.setAttribute('data-cape-verdict', prepared.verdict);
  if (host.getAttribute('data-cape-deadline') !== prepared.deadlineDate) {
    if (prepared.deadlineDate) host.setAttribute('data-cape-deadline', prepared.deadlineDate);
    else host.removeAttribute('data-cape-deadline');
  }
  const pill = pillOf(host);
  if (pill.button.dataset.verdict !== prepared.verdict) pill.button.dataset.verdict = prepared.verdict;
  if (pill.label.data !== prepared.label) pill.label.data = prepared.label;
  if (prepared.countdown === null) {
    pill.countdown?.remove();
    pill.countdown = null;
  } else if (!pill.countdown) {
    pill.countdown = document.createElement('span');
    pill.countdown.className = 'countdown';
    pill.countdown.textContent = prepared.countdown;
    pill.button.append(pill.countdown);
  } else if (pill.countdown.textContent !== prepared.countdown) {
    pill.countdown.textContent = prepared.countdown;
  }
  pill.button.setAttribute('aria-label', prepared.accessibleName);
}

/** Fills or updates a badge at once. Returns false when nothing changed. */
export function renderBadge(host: HTMLElement, content: BadgeContent): boolean {
  if (isBadgeCurrent(host, content)) return false;
  applyBadge(host, prepareBadge(content));
  return true;
}

export function badgeAccessibleName(content: BadgeContent): string {
  const entryNumber = content.kind === 'invalid' ? content.entryNumber : content.status.entryNumber;
  const verdict = badgeVerdict(content);
  const words = [`CAPE Companion: entry ${formatEntryNumber(entryNumber)}, ${verdictLabels[verdict]}`];
  if (content.kind === 'status') {
    const claim = content.status.holdingClaim;
    if (claim) words.push(`on claim ${claim.claimNumber}`);
    const deadline = content.status.deadlines.nextDeadline;
    if (deadline) words.push(`${deadline.label}: ${deadline.date}, ${countdownText(deadline.daysLeft)}`);
  }
  return `${words.join('. ')}. Details on focus.`;
}
