/** Entry point: applies the stored theme before first paint, then renders the app into #app. */
import { render } from 'solid-js/web';
import 'uplot/dist/uPlot.min.css';
import './ui/styles.css';
import { App } from './ui/App';
import { initTheme } from './ui/theme';

initTheme();

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element.');
render(() => <App />, root);
