/**
 * Names that pair a hover card frame with the content script that made it. Kept apart from the
 * protocol module so the service worker's checks can use them without loading the browser API.
 */

/** The name of a card frame's port to the service worker: `hallway-card:<card id>`. */
export const CARD_PORT = 'hallway-card';

/**
 * A card's id. A tab can hold several card frames (Gmail and the Chat frame inside it each make one),
 * so sessions, ports and resize/close messages carry the id of their card. It is a random name, not
 * data: the service worker still checks every message's tab.
 */
export const CARD_ID = /^[a-f0-9]{32}$/u;
