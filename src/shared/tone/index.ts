/**
 * Tone analysis: pure, deterministic and offline. Message hostility, sentiment and politeness; thread
 * trend, turning point and evidence; a quick check of a draft before it is sent.
 */
export type { ToneEvidence, MessageTone, DraftCheck, DraftLevel } from './message';
export { analyzeMessage, checkDraft } from './message';
export type { Circling, ToneLevel, ToneMessageInput, ThreadTone, Sensitivity } from './thread';
export { analyzeThread } from './thread';
