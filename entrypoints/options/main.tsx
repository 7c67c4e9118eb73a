import { render } from 'preact';
import '@/components/history-surfaces.css';
import './options.css';
import { OptionsPage } from './OptionsPage';

render(<OptionsPage />, document.getElementById('app')!);
