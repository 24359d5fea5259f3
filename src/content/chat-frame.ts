/**
 * Entry for Google Chat, which runs in every frame: Gmail embeds Chat as a chat.google.com frame.
 * A separate entry file, because the build lists a content script's files as web-accessible for
 * one set of pages per entry; sharing `index.ts` between two manifest entries left Gmail, Outlook,
 * Slack and Teams unable to load it.
 */
import './index';
