import { render } from 'preact';
import '@/components/history-surfaces.css';
import { extensionHistoryDb } from '@/utils/extension-history-db';
import './popup.css';
import { Popup } from './Popup';

// Opening the database overlaps the first render instead of following it.
void extensionHistoryDb().catch(() => undefined);
render(<Popup />, document.getElementById('app')!);
