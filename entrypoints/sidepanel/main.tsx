import { render } from 'preact';
import '@/components/history-surfaces.css';
import './sidepanel.css';
import { App } from './App';
import StagingWorker from './staging-worker?worker';

// Reading and checking run in a worker bundled into the extension (no remote code), so the panel never stalls.
// Vite's ?worker import, since WXT defines import.meta.url away and `new URL(..., import.meta.url)` would not bundle it.
const worker = new StagingWorker();

render(<App worker={worker} />, document.getElementById('app')!);
