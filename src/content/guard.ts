/**
 * Hallway's first content script, run at document_start before any page script: it only sets up the
 * key guard (key-guard.ts), so that the guard's listeners are the first on the window. Everything
 * else waits for the main content script (index.ts) at document_idle.
 */
import { keyGuard } from './key-guard';

keyGuard();
