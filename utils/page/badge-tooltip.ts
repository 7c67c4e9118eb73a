import type { Deadline } from '../deadlines';
import { entryCheckDigit } from '../entry-check-digit';
import { formatEntryNumber } from '../entry-number';
import { factLabels } from '../eligibility';
import { countdownText, verdictLabels } from '../verdict-labels';
import { badgeVerdict, type BadgeContent } from './badge';
import { createShadowHost, tooltipCss } from './badge-style';

export interface BadgeTooltip {
  show(anchor: Element, content: BadgeContent): void;
  hide(): void;
  readonly host: HTMLElement;
}

/** One tooltip for all badges, in the top layer (popover) so page stacking and overflow cannot hide it. */
export function createBadgeTooltip(signal: AbortSignal): BadgeTooltip {
  const { host, shadow } = createShadowHost('data-cape-tooltip', '', tooltipCss);
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.id = 'cape-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.setAttribute('popover', 'manual');
  shadow.append(tip);
  signal.addEventListener('abort', () => host.remove(), { once: true });

  const showing = () => tip.matches(':popover-open');
  return {
    host,
    show(anchor, content) {
      if (!host.isConnected) document.documentElement.append(host);
      tip.replaceChildren(...tooltipContent(content));
      if (!showing()) tip.showPopover?.();
      // The badge host draws no box of its own (`display: contents`): the pill inside it does.
      const box = (anchor.shadowRoot?.querySelector('.pill') ?? anchor).getBoundingClientRect();
      const tipBox = tip.getBoundingClientRect();
      const below = box.bottom + 6 + tipBox.height <= window.innerHeight;
      const top = below ? box.bottom + 6 : Math.max(4, box.top - 6 - tipBox.height);
      const left = Math.min(Math.max(4, box.left), Math.max(4, window.innerWidth - tipBox.width - 4));
      tip.style.top = `${top}px`;
      tip.style.left = `${left}px`;
    },
    hide() {
      if (showing()) tip.hidePopover?.();
    },
  };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function list(items: string[]): HTMLUListElement {
  const ul = element('ul');
  for (const item of items) ul.append(element('li', item));
  return ul;
}

function deadlineLine(deadline: Deadline): string {
  return `${deadline.label}: ${deadline.date} (${countdownText(deadline.daysLeft)})`;
}

/** The reasons in plain words, the deadline dates, the holding claim and the rule set (issue 5 §3); text only. */
export function tooltipContent(content: BadgeContent): Node[] {
  if (content.kind === 'invalid') {
    const expected = entryCheckDigit(content.entryNumber.slice(0, 10));
    return [
      element('h2', `${formatEntryNumber(content.entryNumber)}: ${verdictLabels.invalid}`),
      element('p', `The last digit is the check digit of the first ten; for this number it would be ${expected ?? '?'}. A typo is likely: check the number on the entry summary.`),
    ];
  }
  const { status } = content;
  const nodes: Node[] = [element('h2', `${formatEntryNumber(status.entryNumber)}: ${verdictLabels[badgeVerdict(content)]}`)];
  if (status.holdingClaim) {
    nodes.push(element('p', `Already on CAPE claim ${status.holdingClaim.claimNumber} (${status.holdingClaim.outcome}). Filing it again would be rejected as a duplicate.`));
  }
  const rejected = status.claims.filter((claim) => claim.outcome === 'rejected');
  if (rejected.length) nodes.push(element('p', `Rejected on claim ${rejected.map((claim) => `${claim.claimNumber}${claim.reasonCode ? ` (${claim.reasonCode})` : ''}`).join(', ')}.`));
  // Assumptions get their own plain sentence below.
  const reasons = status.eligibility.reasons.filter((reason) => reason.code !== 'assumed-facts').map((reason) => reason.message);
  if (reasons.length) nodes.push(list(reasons));
  const deadlines = [
    status.deadlines.capeWindowEnd,
    status.deadlines.pscWindowEnd,
    status.deadlines.voluntaryReliquidationEnd,
    status.deadlines.protestDeadline,
    status.deadlines.estimatedLiquidation,
  ].filter((deadline): deadline is Deadline => deadline !== undefined);
  if (deadlines.length) nodes.push(list(deadlines.map(deadlineLine)));
  if (status.eligibility.assumedFacts.length) {
    const assumed = status.eligibility.assumedFacts.map((fact) => factLabels[fact]).join(', ');
    nodes.push(element('p', `Not shown on this page, assumed "no": ${assumed}. Change this in the CAPE Companion popup's settings.`, 'muted'));
  }
  const { ruleSet } = status.eligibility;
  nodes.push(element('p', `Rule set: ${ruleSet.name} (from ${ruleSet.effectiveFrom}).`, 'muted'));
  return nodes;
}
