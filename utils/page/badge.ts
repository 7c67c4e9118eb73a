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

/** Fills or updates a badge; text only, never HTML. Returns false when nothing changed. */
export function renderBadge(host: HTMLElement, content: BadgeContent): boolean {
  const verdict = badgeVerdict(content);
  const deadline = content.kind === 'status' ? content.status.deadlines.nextDeadline : undefined;
  const key = `${verdict}|${deadline?.date ?? ''}|${deadline?.daysLeft ?? ''}|${content.kind === 'status' ? (content.status.holdingClaim?.claimNumber ?? '') : ''}`;
  if (host.dataset.capeRendered === key) return false;
  host.dataset.capeRendered = key;
  host.setAttribute('data-cape-verdict', verdict);
  if (deadline) host.setAttribute('data-cape-deadline', deadline.date);
  else host.removeAttribute('data-cape-deadline');

  const shadow = host.shadowRoot!;
  let pill = shadow.querySelector('button');
  if (!pill) {
    pill = document.createElement('button');
    pill.type = 'button';
    pill.className = 'pill';
    shadow.append(pill);
  }
  pill.dataset.verdict = verdict;
  // As few nodes as the words need: revealing 10,000 badges styles and lays out every one of them in one frame.
  const parts: Node[] = [document.createTextNode(`${verdictSymbols[verdict]} ${verdictLabels[verdict]}`)];
  if (deadline && deadline.daysLeft >= 0) {
    const countdown = document.createElement('span');
    countdown.className = 'countdown';
    countdown.textContent = ` · ${countdownText(deadline.daysLeft)}`;
    parts.push(countdown);
  }
  pill.replaceChildren(...parts);
  pill.setAttribute('aria-label', badgeAccessibleName(content));
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
