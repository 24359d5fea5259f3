/** A short list of topics shown as chips; the label names the list for screen readers. */
export function Chips({ items, label, limit = 6 }: { items: string[]; label: string; limit?: number }) {
  if (!items.length) return null;
  const shown = items.slice(0, limit);
  const hidden = items.length - shown.length;
  return (
    <ul class="chips" aria-label={label}>
      {shown.map((item) => (
        <li key={item} class="chip">
          {item}
        </li>
      ))}
      {hidden > 0 && <li class="chip chip--more">+{hidden}</li>}
    </ul>
  );
}
