/**
 * The service worker: the only context that opens the private database. It answers the typed
 * messages of src/shared/protocol.ts through the router, and keeps one port per hover card frame.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { getSettings, HallwayDatabase, updateSettings } from '../shared/db';
import type { CardView } from '../shared/views';
import { CARD_ID, CARD_PORT } from '../shared/card-ids';
import { sendToTab, type CardPortMessage, type Change, type ChangeMessage, type ImportProgressMessage, type ThreadSnapshot } from '../shared/protocol';
import { cardKey } from './cards';
import { FrameRegistry } from './frames';
import { collected, threadSnapshot } from './messages/shapes';
import { dueReminders, reminderNotice } from './reminders';
import { createRouter, isExtensionPage } from './router';

const db = new HallwayDatabase();
/** Card frames' ports by cardKey (tab and card id). */
const cardPorts = new Map<string, Runtime.Port>();
/** Pushes per card, so a slow greeting never overwrites a newer push. */
const pushes = new Map<string, number>();
const frames = new FrameRegistry();
const extensionOrigin = browser.runtime.getURL('');

let publishTimer: ReturnType<typeof setTimeout> | undefined;
const pendingChanges = new Set<Change>();

/**
 * Tells every open context what changed: content scripts look their markers up again or reread their
 * settings, and extension pages (popup, people page) reload what they show.
 */
async function broadcast(changes: readonly Change[]): Promise<void> {
  const message: ChangeMessage = { type: 'hallway.changed', changes: [...changes] };
  // No extension page open: nobody receives it, which is not an error.
  void browser.runtime.sendMessage(message).catch(() => undefined);
  const tabMessages = [
    ...(changes.includes('people') ? (['page.peopleChanged'] as const) : []),
    ...(changes.includes('settings') ? (['page.refresh'] as const) : []),
  ];
  if (!tabMessages.length) return;
  for (const tab of await browser.tabs.query({})) {
    for (const type of tabMessages) if (tab.id !== undefined) void sendToTab(tab.id, type, {}).catch(() => undefined);
  }
}

const route = createRouter({
  db,
  extensionId: browser.runtime.id,
  extensionOrigin,
  async collectFromTab(tabId) {
    // Each frame is asked on its own (a message to the whole tab gets one frame's answer), all at once.
    const answers = await Promise.all(
      (await frames.of(tabId)).map(async (frameId) => {
        const answer = await sendToTab(tabId, 'page.collect', {}, frameId).catch(() => null);
        if (!answer && frameId !== 0) void frames.remove(tabId, frameId);
        // A frame's answer comes from hostile ground like any message: it is checked the same way.
        const checked = answer ? collected(answer) : null;
        return checked?.ok ? checked.value : null;
      }),
    );
    // No content script in the top frame (a page Hallway does not support): nothing to list.
    const [top, ...inner] = answers;
    if (!top) return null;
    return {
      host: top.host,
      identities: [...top.identities, ...inner.flatMap((a) => a?.identities ?? [])],
      isCapped: answers.some((a) => a?.isCapped === true),
    };
  },
  async detectLanguage(text) {
    // Chromium's CLD3 and Firefox's detector know far more languages than the built-in fallback.
    if (!browser.i18n.detectLanguage) return null;
    const result = await browser.i18n.detectLanguage(text).catch(() => null);
    const best = result?.isReliable ? result.languages[0] : undefined;
    return best && best.language !== 'und' ? best.language : null;
  },
  async readThread(tabId) {
    const answer = await sendToTab(tabId, 'page.thread', {}).catch(() => null);
    const checked = answer ? threadSnapshot(answer) : null;
    return checked?.ok ? (checked.value as ThreadSnapshot) : null;
  },
  setBadge(tabId, level, isQuiet) {
    const isSour = level === 'sour' && !isQuiet;
    void browser.action.setBadgeText({ tabId, text: isSour ? '!' : '' }).catch(() => undefined);
    if (isSour) {
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#b45309' }).catch(() => undefined);
      void browser.action.setTitle({ tabId, title: 'Hallway: this conversation has turned sour. Open for a suggestion.' }).catch(() => undefined);
    } else {
      void browser.action.setTitle({ tabId, title: 'Hallway' }).catch(() => undefined);
    }
  },
  noteFrame(tabId, frameId) {
    void frames.add(tabId, frameId);
  },
  async notifyTab(tabId, type, payload, frameId) {
    await sendToTab(tabId, type, payload, frameId).catch(() => undefined);
  },
  reportProgress(progress) {
    const message: ImportProgressMessage = { type: 'hallway.importProgress', ...progress };
    // No extension page open (the user closed the people page): the import goes on all the same.
    void browser.runtime.sendMessage(message).catch(() => undefined);
  },
  publish(changes) {
    // Several changes in a row (an import, a merge) make one round of messages, not one each.
    for (const change of changes) pendingChanges.add(change);
    clearTimeout(publishTimer);
    publishTimer = setTimeout(() => {
      const all = [...pendingChanges];
      pendingChanges.clear();
      void broadcast(all);
    }, 100);
  },
  pushToCard(key, message: CardPortMessage) {
    pushes.set(key, (pushes.get(key) ?? 0) + 1);
    cardPorts.get(key)?.postMessage(message);
  },
});

// Returning the router's promise is how the answer reaches the sender (the polyfill's contract).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

// Privacy mode from the keyboard, for screen sharing: every marker and card goes at once, and stays
// gone until switched off again.
browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'toggle-privacy-mode') return;
  const { isPrivacyModeOn } = await getSettings(db);
  await updateSettings(db, { isPrivacyModeOn: !isPrivacyModeOn });
  await broadcast(['settings']);
});

// Keep-in-touch reminders as a notification, once a day, only if the user switched them on and
// allowed notifications (an optional permission asked for on the people page).
const REMINDER_ALARM = 'keep-in-touch';
browser.runtime.onInstalled.addListener(() => void browser.alarms.create(REMINDER_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 }));
browser.runtime.onStartup.addListener(() => void browser.alarms.create(REMINDER_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 }));
browser.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== REMINDER_ALARM || !(await getSettings(db)).isRemindersOn) return;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  const notice = reminderNotice(await dueReminders(db));
  if (notice) {
    await browser.notifications.create(REMINDER_ALARM, { type: 'basic', iconUrl: browser.runtime.getURL('icons/icon-128.png'), ...notice });
  }
});
browser.notifications?.onClicked.addListener((id) => {
  if (id === REMINDER_ALARM) void browser.runtime.openOptionsPage();
});

browser.runtime.onConnect.addListener((port) => {
  const { sender } = port;
  const tabId = sender?.tab?.id;
  // Port names are "hallway-card:<card id>".
  const [name, card = ''] = port.name.split(':');
  // Only Hallway's own card page, framed in a tab, gets a card port.
  const isCard = name === CARD_PORT && CARD_ID.test(card) && sender?.id === browser.runtime.id && isExtensionPage(sender.url, extensionOrigin);
  if (!isCard || tabId === undefined) {
    port.disconnect();
    return;
  }
  const key = cardKey(tabId, card);
  cardPorts.set(key, port);
  port.onDisconnect.addListener(() => {
    if (cardPorts.get(key) === port) cardPorts.delete(key);
  });
  // A card that reconnects (the worker was stopped meanwhile) may have missed a "hide": tell it
  // what its card shows now, so no note stays behind in a hidden frame.
  const pushesBefore = pushes.get(key) ?? 0;
  void route({ type: 'card.current', payload: { card } }, sender).then((reply) => {
    if (!reply.ok || cardPorts.get(key) !== port || (pushes.get(key) ?? 0) !== pushesBefore) return;
    const view = reply.value as CardView | null;
    const message: CardPortMessage = view ? { type: 'card.show', view } : { type: 'card.hide' };
    port.postMessage(message);
  });
});

browser.tabs.onRemoved.addListener((tabId) => void frames.forgetTab(tabId));
