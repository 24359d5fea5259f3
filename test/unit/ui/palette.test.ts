import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER_STYLES } from '../../../src/content/marker-styles';
import { DRAFT_INDICATOR, lightDark, MARKER } from '../../../src/ui/tokens';

const SRC = join(import.meta.dirname, '../../../src');
const THEME = 'ui/theme.css';

function read(path: string): string {
  return readFileSync(join(SRC, path), 'utf8');
}

function stylesheets(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.css'))
    .map((path) => relative(SRC, join(SRC, path)));
}

/** The theme's `--name: light-dark(light, dark)` declarations. */
function themeColours(): Map<string, { light: string; dark: string }> {
  const colours = new Map<string, { light: string; dark: string }>();
  for (const [, name = '', light = '', dark = ''] of read(THEME).matchAll(/(--[a-z-]+): light-dark\(([^,]+), ([^)]+\)?)\)/gu)) {
    colours.set(name, { light, dark });
  }
  return colours;
}

describe('palette', () => {
  it('writes every colour of the extension pages once, in theme.css, for both schemes', () => {
    expect(themeColours().get('--accent')).toEqual({ light: '#0f766e', dark: '#2dd4bf' });
    expect(read(THEME)).not.toContain('prefers-color-scheme');
    for (const path of stylesheets()) {
      if (path === THEME) continue;
      const css = read(path);
      expect(css, path).not.toMatch(/#[0-9a-f]{3,8}\b/iu);
      expect(css, path).not.toContain('prefers-color-scheme');
    }
  });

  it("marks known and noted names in the theme's accent, in both schemes", () => {
    const accent = themeColours().get('--accent')!;
    expect(MARKER.known).toEqual({ light: accent.light, dark: accent.dark });
    expect(MARKER_STYLES).toContain(lightDark(MARKER.known));
  });

  it('gives the in-page CSS a value that picks by color-scheme', () => {
    expect(lightDark(DRAFT_INDICATOR.hostile)).toBe('light-dark(#c5221f, #f28b82)');
  });
});
