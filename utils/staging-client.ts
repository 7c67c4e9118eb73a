import type { StagingAnswers, StagingRequest, StagingState, StagingWorkerMessage } from './staging-protocol';

type ProgressMessage = Extract<StagingWorkerMessage, { type: 'progress' }>;

/** What the panel needs of its Web Worker. */
export interface StagingWorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

/** The panel's side of the staging worker: requests answered as promises, state and progress as callbacks. */
export class StagingClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly worker: StagingWorkerLike,
    private readonly listeners: { onState: (state: StagingState) => void; onProgress: (message: ProgressMessage) => void; onCrash: (message: string) => void },
  ) {
    worker.addEventListener('message', (event: MessageEvent) => this.receive(event.data as StagingWorkerMessage));
    worker.addEventListener('error', (event: ErrorEvent) => {
      const message = `The staging worker stopped (${event.message || 'unknown error'}). Your saved list is safe: reload the panel.`;
      for (const { reject } of this.pending.values()) reject(new Error(message));
      this.pending.clear();
      listeners.onCrash(message);
    });
  }

  request<T extends StagingRequest['type']>(request: Extract<StagingRequest, { type: T }>): Promise<StagingAnswers[T]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  private receive(message: StagingWorkerMessage): void {
    switch (message.type) {
      case 'reply': {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(new Error(message.error));
        return;
      }
      case 'state':
        this.listeners.onState(message.state);
        return;
      case 'progress':
        this.listeners.onProgress(message);
        return;
    }
  }
}
