import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

/** The id of the tab the popup was opened over (no `tabs` permission needed for the id alone). */
export function useActiveTabId(): number | null | undefined {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setTabId(tab?.id ?? null))
      .catch(() => setTabId(null));
  }, []);
  return tabId;
}
