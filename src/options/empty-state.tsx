/** What a new user sees before anyone is in the directory. */
export function EmptyState({ onAdd, onImport }: { onAdd(): void; onImport(): void }) {
  return (
    <div class="empty-state" data-testid="empty-state">
      <h2>Remember the people you work with</h2>
      <p>Hallway keeps private notes about colleagues on this computer and shows them beside their names in mail and chat.</p>
      <p>It also notices when a thread turns sour and suggests talking in person instead.</p>
      <div class="actions">
        <button type="button" data-testid="empty-add-person" onClick={onAdd}>
          Add your first person
        </button>
        <button type="button" class="secondary" data-testid="empty-import" onClick={onImport}>
          Import a backup
        </button>
      </div>
    </div>
  );
}
