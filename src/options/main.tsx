import { render } from 'preact';
import { App } from './app';
import '../ui/theme.css';
import './options.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
