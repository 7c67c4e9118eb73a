import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { localToday } from '@/utils/calendar-date';
import type { EntryAssessment } from '@/utils/entry-assessment';
import { formatEntryNumber } from '@/utils/entry-number';
import { extensionHistoryDb } from '@/utils/extension-history-db';
import type { HistoryDb } from '@/utils/history-db';
import { aceClaimStatusLabels } from '@/utils/history-labels';
import { assessEntryInHistory, entryInHistory, lookUpHistory, lookupHitKey, type EntryInHistory, type HistoryLookup, type LookupHit } from '@/utils/history-lookup';
import { normalizeClaimNumber } from '@/utils/history-keys';
import type { ClaimRecord } from '@/utils/history-schema';
import { getClaim, recentClaims, type ClaimDetails } from '@/utils/history-store';
import { readLookupQuery, type LookupQuery } from '@/utils/lookup-query';
import { historyRevision } from '@/utils/settings';
import { statusOptionsFrom } from '@/utils/status-options';
import { readStatusSettings, watchStatusSettings } from '@/utils/status-settings';
import { ClaimDetail } from './ClaimDetail';
import { EntryDetail } from './EntryDetail';

type Detail =
  | { kind: 'entry'; key: string; entry: EntryInHistory; assessment: EntryAssessment; today: string; checkingAsOf: boolean }
  | { kind: 'claim'; key: string; details: ClaimDetails }
  | { kind: 'missing'; key: string };

export interface HistorySearchProps {
  autoFocus?: boolean;
  /** Called once, when the box is ready and the recent claims are shown (the popup's first useful paint). */
  onReady?: () => void;
  onRestage: (claimNumber: string) => void;
  recentLimit?: number;
  headingLevel?: 2 | 3;
}

// Preact's types allow role="combobox" on an input only with a datalist; ARIA 1.2 allows it on any text input.
const comboboxRole = { role: 'combobox' } as Record<string, string>;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the status line says about the typed text, beyond the matches themselves. */
function queryNote(query: LookupQuery | undefined, hitCount: number): string {
  if (!query || query.kind === 'empty') return '';
  if (query.kind === 'wrong-check-digit') {
    return `${formatEntryNumber(query.entryNumber)} is not a valid entry number: its last digit should be ${query.expectedCheckDigit} (check digit). Check for a typo.`;
  }
  if (hitCount === 0) return `Nothing in your history starts with “${query.text}”.`;
  return hitCount === 1 ? '1 match' : `${hitCount} matches`;
}

function HitLabel({ hit }: { hit: LookupHit }) {
  if (hit.kind === 'entry') {
    return (
      <>
        <span class="hit__main">{formatEntryNumber(hit.entryNumber)}</span>
        <span class="hit__meta">{hit.inHistory ? 'entry' : 'entry, not in history'}</span>
      </>
    );
  }
  const { claim } = hit;
  return (
    <>
      <span class="hit__main">{claim.claimNumber}</span>
      <span class="hit__meta">
        claim, {aceClaimStatusLabels[claim.aceStatus].toLowerCase()}
        {claim.filedDate ? `, filed ${claim.filedDate}` : ''}
        {claim.entryCount !== undefined ? `, ${claim.entryCount} entries` : ''}
      </span>
    </>
  );
}

/**
 * Lookup box with results as you type (entry numbers in any form, claim numbers), the recent claims when empty, and the
 * chosen result's details. Keyboard: arrows move through results, Enter goes to the details, Escape clears.
 */
export function HistorySearch({ autoFocus = false, onReady, onRestage, recentLimit = 8, headingLevel = 2 }: HistorySearchProps) {
  const [db, setDb] = useState<HistoryDb | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [lookup, setLookup] = useState<HistoryLookup | null>(null);
  const [recent, setRecent] = useState<ClaimRecord[] | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [revision, setRevision] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const detailBox = useRef<HTMLDivElement>(null);
  const focusDetailWhenShown = useRef(false);
  const readyReported = useRef(false);
  /** The claim the typed text names, read while the search runs: the details need not wait for the results list. */
  const claimAhead = useRef<{ claimNumber: string; revision: number; details: Promise<ClaimDetails | undefined> } | null>(null);

  useEffect(() => {
    let live = true;
    extensionHistoryDb().then(
      (opened) => live && setDb(opened),
      (error: unknown) => live && setFailure(errorText(error)),
    );
    const refresh = () => setRevision((value) => value + 1);
    const stops = [historyRevision.watch(refresh), watchStatusSettings(refresh)];
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, []);

  useEffect(() => {
    if (!db) return;
    let live = true;
    recentClaims(db, recentLimit).then(
      (claims) => live && setRecent(claims),
      (error: unknown) => live && setFailure(errorText(error)),
    );
    return () => {
      live = false;
    };
  }, [db, revision, recentLimit]);

  useEffect(() => {
    if (!db) return;
    let live = true;
    // Not for text that reads as an entry number: its details are the entry's, and the read would be wasted on every keystroke.
    const kind = readLookupQuery(text).kind;
    const claimNumber = kind === 'entry' || kind === 'entry-with-zeros-restored' ? null : normalizeClaimNumber(text);
    claimAhead.current = claimNumber === null ? null : { claimNumber, revision, details: getClaim(db, claimNumber) };
    // A failure is reported by the detail that awaits it, or not at all when nothing does.
    claimAhead.current?.details.catch(() => undefined);
    lookUpHistory(db, text).then(
      (found) => {
        if (!live) return;
        setLookup(found);
        setActiveKey((current) => {
          if (found.hits.length === 0) return null;
          if (current !== null && found.hits.some((hit) => lookupHitKey(hit) === current) && found.query.kind !== 'empty') return current;
          return lookupHitKey(found.hits[0]!);
        });
      },
      (error: unknown) => live && setFailure(errorText(error)),
    );
    return () => {
      live = false;
    };
  }, [db, text, revision]);

  const hits: LookupHit[] = useMemo(() => {
    if (text.trim() === '') return (recent ?? []).map((claim) => ({ kind: 'claim', claim }));
    return lookup && lookup.query.kind !== 'empty' ? lookup.hits : [];
  }, [text, lookup, recent]);
  const activeIndex = hits.findIndex((hit) => lookupHitKey(hit) === activeKey);
  const activeHit = activeIndex >= 0 ? hits[activeIndex] : undefined;

  useEffect(() => {
    if (!db || !activeHit) {
      setDetail(null);
      return;
    }
    let live = true;
    const key = lookupHitKey(activeHit);
    const load = async (): Promise<Detail> => {
      if (activeHit.kind === 'claim') {
        const { claimNumber } = activeHit.claim;
        const ahead = claimAhead.current;
        const details = await (ahead?.claimNumber === claimNumber && ahead.revision === revision ? ahead.details : getClaim(db, claimNumber));
        return details ? { kind: 'claim', key, details } : { kind: 'missing', key };
      }
      const [entry, settings] = await Promise.all([entryInHistory(db, activeHit.entryNumber), readStatusSettings()]);
      const options = statusOptionsFrom(settings, localToday());
      return { kind: 'entry', key, entry, assessment: assessEntryInHistory(entry, options), today: options.today, checkingAsOf: settings.checkAsOfDate !== null };
    };
    load().then(
      (loaded) => live && setDetail(loaded),
      (error: unknown) => live && setFailure(errorText(error)),
    );
    return () => {
      live = false;
    };
  }, [db, activeHit && lookupHitKey(activeHit), revision]);

  useEffect(() => {
    // Inserted after load, so the autofocus attribute alone may not take.
    if (autoFocus) input.current?.focus();
  }, []);

  useEffect(() => {
    if (recent === null || readyReported.current) return;
    readyReported.current = true;
    onReady?.();
  }, [recent]);

  useLayoutEffect(() => {
    if (!detail || !focusDetailWhenShown.current) return;
    focusDetailWhenShown.current = false;
    detailBox.current?.querySelector<HTMLElement>('#detail-heading')?.focus();
  }, [detail]);

  const show = (query: string) => {
    focusDetailWhenShown.current = true;
    setActiveKey(null);
    setText(query);
  };

  const move = (to: number) => {
    if (hits.length === 0) return;
    const index = Math.max(0, Math.min(hits.length - 1, to));
    setActiveKey(lookupHitKey(hits[index]!));
    document.getElementById(`lookup-hit-${index}`)?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(activeIndex + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(activeIndex < 0 ? 0 : activeIndex - 1);
        break;
      case 'Enter':
        event.preventDefault();
        if (activeIndex < 0) {
          move(0);
          focusDetailWhenShown.current = true;
        } else if (detail && detail.key === activeKey) {
          detailBox.current?.querySelector<HTMLElement>('#detail-heading')?.focus();
        } else {
          focusDetailWhenShown.current = true;
        }
        break;
      case 'Escape':
        if (text !== '') {
          event.preventDefault();
          event.stopPropagation();
          setText('');
          setActiveKey(null);
        }
        break;
    }
  };

  const empty = text.trim() === '';
  const note = empty ? '' : queryNote(lookup?.query, hits.length);
  const listLabel = empty ? 'Recent claims' : 'Matches';
  const shownDetail = detail && detail.key === activeKey ? detail : null;

  return (
    <div class="history-search">
      <label class="search-label" for="lookup-input">
        Entry or claim number
      </label>
      <input
        id="lookup-input"
        ref={input}
        class="search-input"
        type="search"
        {...comboboxRole}
        aria-autocomplete="list"
        aria-expanded={hits.length > 0}
        aria-controls="lookup-hits"
        aria-activedescendant={activeIndex >= 0 ? `lookup-hit-${activeIndex}` : undefined}
        aria-describedby="lookup-note"
        autoComplete="off"
        spellcheck={false}
        autoFocus={autoFocus}
        placeholder="e.g. ABC-1234567-6 or a claim number"
        value={text}
        onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        data-ready={recent !== null ? 'true' : undefined}
      />
      <p id="lookup-note" class="search-note" role="status">
        {failure ?? note}
      </p>
      {empty && (
        <h2 class="list-heading" id="lookup-hits-heading">
          {listLabel}
        </h2>
      )}
      {empty && recent !== null && recent.length === 0 && (
        <p class="muted">No claims in your history yet. They are saved when you open CAPE pages in ACE, record a claim in the side panel, or import ACE's files in the settings.</p>
      )}
      <ul id="lookup-hits" class="hits" role="listbox" aria-label={listLabel} hidden={hits.length === 0}>
        {hits.map((hit, index) => (
          <li
            key={lookupHitKey(hit)}
            id={`lookup-hit-${index}`}
            role="option"
            class="hit"
            aria-selected={index === activeIndex}
            data-hit={lookupHitKey(hit)}
            onClick={() => {
              setActiveKey(lookupHitKey(hit));
              input.current?.focus();
            }}
          >
            <HitLabel hit={hit} />
          </li>
        ))}
      </ul>
      <div ref={detailBox} class="detail-box">
        {shownDetail?.kind === 'entry' && (
          <EntryDetail
            entry={shownDetail.entry}
            assessment={shownDetail.assessment}
            today={shownDetail.today}
            checkingAsOf={shownDetail.checkingAsOf}
            onShowClaim={show}
            headingLevel={headingLevel}
          />
        )}
        {shownDetail?.kind === 'claim' && <ClaimDetail details={shownDetail.details} onShowEntry={show} onRestage={onRestage} headingLevel={headingLevel} />}
        {shownDetail?.kind === 'missing' && <p class="muted">This claim is no longer in your history.</p>}
      </div>
    </div>
  );
}
