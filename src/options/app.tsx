import { useEffect, useState } from 'preact/hooks';
import { listenForChanges, send } from '../shared/protocol';
import type { Person } from '../shared/model';
import { errorText } from '../shared/error-text';
import { BackupSection } from './backup-section';
import { ContactsSection } from './contacts-section';
import { Directory } from './directory';
import { NetworkSection } from './network-section';
import { PersonEditor } from './person-editor';
import { parseHash, personHash, type Route } from './route';
import { SettingsSection } from './settings-section';
import { ToastRegion, type ToastMessage } from './toast';

const IMPORT_FILE_ID = 'import-file';

export function App() {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  // A new key mounts a fresh editor: opening a person never shows the previous one's half-typed form.
  const [editorKey, setEditorKey] = useState(0);
  const [refreshKey, setRefreshKey] = useState(0);
  // Settings change only through their own section or an import, not with every note.
  const [settingsKey, setSettingsKey] = useState(0);
  // Changes when data changed in another context (a card, the popup, another window).
  const [changeKey, setChangeKey] = useState(0);
  const [toast, setToast] = useState<ToastMessage | null>(null);

  const open = (next: Route) => {
    setRoute(next);
    setEditorKey((k) => k + 1);
  };

  useEffect(() => {
    const controller = new AbortController();
    listenForChanges((changes) => {
      if (changes.includes('people') || changes.includes('records')) {
        setRefreshKey((k) => k + 1);
        setChangeKey((k) => k + 1);
      }
      if (changes.includes('settings')) setSettingsKey((k) => k + 1);
    }, controller.signal);
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const onHashChange = () => open(parseHash(location.hash));
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  /** Changes the address and the view together; pushState fires no hashchange of its own. */
  function navigate(hash: string) {
    history.pushState(null, '', hash || location.pathname + location.search);
    open(parseHash(hash));
  }

  const refresh = () => setRefreshKey((k) => k + 1);
  const say = (text: string, action?: ToastMessage['action']) => setToast({ id: Date.now(), text, ...(action ? { action } : {}) });

  function onCreated(person: Person) {
    // The editor stays mounted with its form; only the address catches up.
    history.replaceState(null, '', personHash(person.id));
    setRoute({ kind: 'person', id: person.id });
    refresh();
  }

  function onDeleted(person: Person, undoId: string) {
    navigate('');
    refresh();
    say(`Deleted ${person.displayName}.`, {
      label: 'Undo',
      testId: 'undo',
      run: () => {
        send('people.undoDelete', { undoId })
          .then((restored) => {
            refresh();
            navigate(personHash(restored.id));
            say(`Restored ${restored.displayName}.`);
          })
          .catch((e: unknown) => say(errorText(e)));
      },
    });
  }

  function jumpTo(id: string) {
    const section = document.getElementById(id);
    section?.scrollIntoView({ block: 'start' });
    section?.focus({ preventScroll: true });
  }

  function startImport() {
    jumpTo('backup');
    document.getElementById(IMPORT_FILE_ID)?.click();
  }

  const selectedId = route.kind === 'person' ? route.id : null;

  return (
    <>
      <header class="topbar">
        <h1 class="brand">Hallway</h1>
        <nav aria-label="Sections">
          <button type="button" class="link" onClick={() => jumpTo('people')}>
            People
          </button>
          <button type="button" class="link" onClick={() => jumpTo('network')}>
            Network
          </button>
          <button type="button" class="link" onClick={() => jumpTo('settings')}>
            Settings
          </button>
          <button type="button" class="link" onClick={() => jumpTo('backup')}>
            Backup
          </button>
        </nav>
      </header>

      <main>
        <div class="people-layout" id="people" tabIndex={-1}>
          <Directory refreshKey={refreshKey} selectedId={selectedId} onAdd={() => navigate('#new')} onImport={startImport} />
          <div class="editor-pane">
            {route.kind === 'list' ? (
              <p class="muted editor-placeholder">Choose someone from the list to see and edit everything about them.</p>
            ) : (
              <PersonEditor
                key={editorKey}
                personId={route.kind === 'person' ? route.id : null}
                changeKey={changeKey}
                onCreated={onCreated}
                onChanged={refresh}
                onDeleted={onDeleted}
                onClose={() => navigate('')}
              />
            )}
          </div>
        </div>

        <NetworkSection refreshKey={refreshKey} onOpenPerson={() => jumpTo('people')} />
        <SettingsSection refreshKey={settingsKey} />
        <BackupSection
          fileInputId={IMPORT_FILE_ID}
          onImported={() => {
            refresh();
            setSettingsKey((k) => k + 1);
          }}
        />
        <ContactsSection onImported={refresh} />
      </main>

      <ToastRegion toast={toast} onDismiss={() => setToast(null)} />
    </>
  );
}
