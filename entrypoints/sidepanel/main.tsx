import { render } from 'preact';

render(<main><h1>Stage a CAPE Declaration</h1></main>, document.getElementById('app')!);
