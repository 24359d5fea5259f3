import { render } from 'preact';
import { HoverCard } from './card';
import '../ui/theme.css';
import './hovercard.css';

const root = document.getElementById('app');
if (root) render(<HoverCard />, root);
