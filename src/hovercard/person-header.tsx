function initials(name: string): string {
  const words = name.split(/[\s@._-]+/u).filter(Boolean);
  // Array.from keeps a letter outside the BMP whole instead of splitting its surrogate pair.
  const first = Array.from(words[0] ?? '')[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1] ?? '')[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

interface Props {
  name: string;
  /** Role · team for a known person. */
  subtitle?: string;
  /** How the page identified them (address or site id), for people Hallway cannot name yet. */
  identity?: string;
  isKnown: boolean;
}

export function PersonHeader({ name, subtitle, identity, isKnown }: Props) {
  return (
    <header class="head">
      <span class={`avatar${isKnown ? '' : ' avatar--unknown'}`} aria-hidden="true">
        {initials(name) || '?'}
      </span>
      <div class="head-text">
        <h1 class="name" data-testid="card-name">
          {name}
        </h1>
        {subtitle && (
          <p class="subtitle" data-testid="card-subtitle">
            {subtitle}
          </p>
        )}
        {identity && (
          <p class="identity" title={identity}>
            {identity}
          </p>
        )}
      </div>
    </header>
  );
}

/** The page's own words for someone Hallway does not know yet, without repeating the name. */
export function shownIdentity(shown: { name: string; email: string | null; siteLabel: string | null }): string {
  return [shown.email, shown.siteLabel].filter((part): part is string => Boolean(part) && part !== shown.name).join(' · ');
}
