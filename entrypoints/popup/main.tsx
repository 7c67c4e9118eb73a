import { render } from 'preact';
import '@/components/history-surfaces.css';
import './popup.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app')!);
