/**
 * The private database's one door. Every read and write of a Dexie table is in this folder, so a
 * change to how something is stored (or a sync outbox written beside it) has one place to go; the
 * rest of the worker calls these functions and never names a table. Functions take the database so
 * the service worker and the tests share one implementation; each write that touches several tables
 * runs in one transaction, so a failure leaves nothing half-done.
 */
export { HallwayDatabase, type NoteRow, type PersonRow } from './database';
export * from './errors';
export * from './records';
export * from './people';
export * from './notes';
export * from './merge';
export * from './identities';
export * from './settings';
export * from './threads';
export * from './reminders';
export * from './scans';
export { favourBalance } from '../favours';
