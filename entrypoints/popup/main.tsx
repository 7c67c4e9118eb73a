import { render } from 'preact';

render(<main><h1>CAPE Companion</h1></main>, document.getElementById('app')!);
