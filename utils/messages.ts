import { browser } from '#imports';
import type { SaveClaimsResult } from './history-store';
import type { ClaimWithEntries } from './history-store';
import type { PageEntry, StoredEntry } from './page/entry-lookup';

/** Messages between the surfaces; every one has a `type` and a typed answer. */
export interface MessageMap {
  /**
   * Content script → background: facts seen on a page (learned into the ledger), answered with what history adds: stored facts
   * the page did not show, and claims. Entries history adds nothing to are left out of the answer.
   */
  'history:lookup-entries': {
    request: { entries: PageEntry[]; learnedOn: string };
    /** `learnedRevision`: the history revision this page's own new facts made, so it can skip the refresh they cause. */
    answer: { entries: Array<[string, StoredEntry]>; learnedRevision?: number };
  };
  /** Content script → background: claims read on a CAPE page. */
  'history:capture-claims': { request: { claims: ClaimWithEntries[] }; answer: SaveClaimsResult };
  /** Background → content script of one frame: the entries the overlay found there, with their facts. */
  'page:entries': { request: Record<string, never>; answer: PageEntry[] };
  /** Content script → background: how many entries this frame shows now (ACE reports often render inside frames). */
  'page:entries-changed': { request: { count: number }; answer: null };
  /** Side panel → background: the entries of every frame of a tab, merged. */
  'page:collect-entries': { request: { tabId: number }; answer: PageEntry[] };
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T } & MessageMap[T]['request'];

/** Failures cross the message boundary as data, so the caller gets the background's own words. */
export type MessageReply<T extends MessageType> = { ok: true; answer: MessageMap[T]['answer'] } | { ok: false; error: string };

function unwrap<T extends MessageType>(reply: MessageReply<T> | undefined, type: T): MessageMap[T]['answer'] {
  if (!reply) throw new Error(`No answer to ${type}: the extension was reloaded or the page has no CAPE Companion.`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.answer;
}

export async function sendToBackground<T extends MessageType>(type: T, request: MessageMap[T]['request']): Promise<MessageMap[T]['answer']> {
  const reply = (await browser.runtime.sendMessage({ type, ...request })) as MessageReply<T> | undefined;
  return unwrap(reply, type);
}

export async function sendToTab<T extends MessageType>(
  tabId: number,
  type: T,
  request: MessageMap[T]['request'],
  frameId?: number,
): Promise<MessageMap[T]['answer']> {
  const message = { type, ...request };
  const reply = (await (frameId === undefined ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, { frameId }))) as
    | MessageReply<T>
    | undefined;
  return unwrap(reply, type);
}

/** Who sent a message: the tab and frame of a content script; absent for extension pages. */
export interface MessageSender {
  tabId?: number;
  frameId?: number;
}

export type MessageHandlers = {
  [T in MessageType]?: (message: Message<T>, sender: MessageSender) => Promise<MessageMap[T]['answer']> | MessageMap[T]['answer'];
};

/** Answers the messages this surface handles; others are left for other listeners. Returns the listener to remove. */
export function handleMessages(handlers: MessageHandlers): () => void {
  const listener = (message: unknown, sender: { tab?: { id?: number }; frameId?: number }): Promise<MessageReply<MessageType>> | undefined => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in handlers)) return undefined;
    const handler = handlers[type as MessageType] as ((message: Message, sender: MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    const from: MessageSender = { ...(sender.tab?.id === undefined ? {} : { tabId: sender.tab.id }), ...(sender.frameId === undefined ? {} : { frameId: sender.frameId }) };
    return Promise.resolve()
      .then(() => handler(message as Message, from))
      .then((answer) => ({ ok: true as const, answer: answer as never }))
      .catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
