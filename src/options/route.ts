/**
 * The page's address says which record is open (`#person=<id>`, `#new`), so the hover card and the
 * popup can link straight to a person, and Back returns to the previous one.
 */
export type Route = { kind: 'list' } | { kind: 'new' } | { kind: 'person'; id: string };

export function parseHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/u, ''));
  const id = params.get('person');
  if (id) return { kind: 'person', id };
  if (params.has('new')) return { kind: 'new' };
  return { kind: 'list' };
}

export { personHash } from '../ui/links';
