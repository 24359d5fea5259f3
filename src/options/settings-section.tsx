import { useEffect, useId, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../shared/protocol';
import type { Settings } from '../shared/model';
import { errorText } from '../shared/error-text';
import { MeField } from './me-field';

type Switch = 'isDraftCheckOn' | 'isAutoLogOn' | 'isRemindersOn' | 'isPrivacyModeOn';

const SWITCHES: { key: Switch; label: string; hint: string }[] = [
  { key: 'isDraftCheckOn', label: 'Check my drafts', hint: 'Warn while I write a message that reads hostile, before I send it.' },
  { key: 'isAutoLogOn', label: 'Log interactions on my own', hint: 'Note when I open a thread with someone, so “last in touch” stays current.' },
  {
    key: 'isRemindersOn',
    label: 'Reminders',
    hint: 'Tell me, once a day with a notification, when I have not seen someone for longer than I wanted (due catch-ups always show in the popup).',
  },
  { key: 'isPrivacyModeOn', label: 'Privacy mode', hint: 'Hide every marker and card on web pages, e.g. while I share my screen (Alt+Shift+P).' },
];

const SENSITIVITY: { value: Settings['toneSensitivity']; label: string }[] = [
  { value: 'low', label: 'Low: only clearly hostile threads' },
  { value: 'normal', label: 'Normal' },
  { value: 'high', label: 'High: nudge early' },
];

/** Settings apply as soon as they change; there is no Save button to forget. */
export function SettingsSection({ refreshKey }: { refreshKey: number }) {
  const base = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    send('settings.get', {})
      .then(setSettings)
      .catch((e: unknown) => setError(errorText(e)));
  }, [refreshKey]);

  async function update(patch: Partial<Settings>, done = 'Saved.') {
    setError(null);
    setStatus('');
    try {
      setSettings(await send('settings.update', { patch }));
      setStatus(done);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function toggle(key: Switch, isOn: boolean) {
    // Notifications are an optional permission, asked for only when the user wants reminders; the
    // request must come straight from the click.
    if (key === 'isRemindersOn' && isOn) {
      const isAllowed = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
      await update({ isRemindersOn: true }, isAllowed ? 'Saved.' : 'Saved. Notifications were not allowed, so due catch-ups show in the popup only.');
      return;
    }
    await update({ [key]: isOn });
  }

  return (
    <section class="page-section" tabIndex={-1} id="settings" aria-labelledby={`${base}-heading`} data-testid="settings">
      <h2 id={`${base}-heading`}>Settings</h2>
      {!settings ? (
        error ? <p class="error" role="alert">{error}</p> : <p class="muted">Loading…</p>
      ) : (
        <div class="settings-grid">
          <fieldset class="field-group">
            <legend>Tone sensitivity</legend>
            <p class="muted">How soon Hallway suggests talking in person when a thread turns sour.</p>
            {SENSITIVITY.map((option) => (
              <label class="check" key={option.value}>
                <input
                  type="radio"
                  name={`${base}-sensitivity`}
                  data-testid={`tone-${option.value}`}
                  value={option.value}
                  checked={settings.toneSensitivity === option.value}
                  onChange={() => void update({ toneSensitivity: option.value })}
                />
                {option.label}
              </label>
            ))}
          </fieldset>

          <fieldset class="field-group">
            <legend>Features</legend>
            {SWITCHES.map((item) => (
              <div class="switch" key={item.key}>
                <label class="check">
                  <input
                    type="checkbox"
                    data-testid={`setting-${item.key}`}
                    checked={settings[item.key]}
                    aria-describedby={`${base}-${item.key}-hint`}
                    onChange={(e) => void toggle(item.key, e.currentTarget.checked)}
                  />
                  {item.label}
                </label>
                <p class="muted field-hint" id={`${base}-${item.key}-hint`}>
                  {item.hint}
                </p>
              </div>
            ))}
          </fieldset>

          <MeField me={settings.me ?? { emails: [], siteIds: [] }} onChange={(me) => void update({ me })} />

          <fieldset class="field-group">
            <legend>Sites where Hallway is off</legend>
            {settings.disabledSites.length === 0 ? (
              <p class="muted">None. Switch Hallway off for a site from the toolbar popup while you are on it.</p>
            ) : (
              <ul class="items" data-testid="disabled-sites">
                {settings.disabledSites.map((host) => (
                  <li class="item item--row" key={host}>
                    <span class="grow">{host}</span>
                    <button
                      type="button"
                      class="secondary"
                      onClick={() =>
                        void update({ disabledSites: settings.disabledSites.filter((h) => h !== host) }, `Hallway is back on for ${host}. Reload its tabs to see it.`)
                      }
                    >
                      Switch back on<span class="visually-hidden"> for {host}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </div>
      )}
      <div aria-live="polite" class="section-status">
        {settings && error && <p class="error">{error}</p>}
        {!error && status && <p class="muted">{status}</p>}
      </div>
    </section>
  );
}
