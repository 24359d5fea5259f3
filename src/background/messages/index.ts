/**
 * Every message the service worker answers, by domain. Adding a message is adding one entry to its
 * domain's table (`message({ from, payload, invalidates, handle })`); its types reach every sender
 * through src/shared/protocol.ts, and the router applies its rules.
 */
import { backupMessages } from './backup';
import { cardMessages } from './cards';
import { contentMessages } from './content';
import type { AnyMessageSpec } from './define';
import { noteMessages } from './notes';
import { peopleMessages } from './people';
import { reminderMessages } from './reminders';
import { settingsMessages } from './settings';
import { tabMessages } from './tabs';

export const MESSAGES = {
  ...contentMessages,
  ...cardMessages,
  ...tabMessages,
  ...peopleMessages,
  ...noteMessages,
  ...backupMessages,
  ...settingsMessages,
  ...reminderMessages,
};

export type Messages = typeof MESSAGES;
export type MessageType = keyof Messages;

/** The table as the router reads it: any name a sender gives, looked up without trusting it. */
export const MESSAGE_TABLE: Readonly<Record<string, AnyMessageSpec>> = MESSAGES;
