import { render } from 'preact';
import { Popup } from './popup';
import '../ui/theme.css';
import './popup.css';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
