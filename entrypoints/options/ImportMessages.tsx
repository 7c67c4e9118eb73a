import type { ImportMessage } from '@/utils/claim-results-import';

const shownMessages = 60;

/** The import's messages, named by file and row, errors first. */
export function ImportMessages({ messages }: { messages: readonly ImportMessage[] }) {
  if (messages.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...messages].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <div class="messages">
      <ul>
        {sorted.slice(0, shownMessages).map((message, index) => (
          <li key={index} data-severity={message.severity}>
            <strong>{message.severity === 'error' ? 'Error' : message.severity === 'warning' ? 'Warning' : 'Note'}:</strong> {message.message}
          </li>
        ))}
      </ul>
      {sorted.length > shownMessages && <p class="muted">And {sorted.length - shownMessages} more messages.</p>}
    </div>
  );
}
