import { openHistoryDb } from '../../utils/history-db';
import { serveStagingEngine, type StagingPort } from '../../utils/staging-engine';

// The worker's global scope is the port: requests come in as messages, answers and state go out.
serveStagingEngine(self as unknown as StagingPort, () => openHistoryDb());
