/**
 * What the tone analysis reads of a message: the author's own prose, without quoted replies, code,
 * pasted logs or signatures (clean.ts), and the language the thread is written in (language.ts).
 */
import { cleanMessage, type CleanedMessage } from './clean';

export { threadLanguage } from './language';

export function prepareMessage(text: string): CleanedMessage {
  return cleanMessage(text);
}

export function prepareText(text: string): string {
  return cleanMessage(text).text;
}
