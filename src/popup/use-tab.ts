import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

/**
 * The tab the popup was opened over (no `tabs` permission needed for the id alone), asked for as soon
 * as the popup's script runs rather than after its first render: everything the popup lists waits on it.
 */
const activeTab: Promise<number | null> = browser.tabs
  .query({ active: true, currentWindow: true })
  .then(([tab]) => tab?.id ?? null)
  .catch(() => null);

export function activeTabId(): Promise<number | null> {
  return activeTab;
}

export function useActiveTabId(): number | null | undefined {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    void activeTab.then(setTabId);
  }, []);
  return tabId;
}
