/**
 * Who is who, cached in the worker: marker lookups for every tab read this copy of the directory's
 * addresses, ids and names instead of the database. Any write that can change who is known or noted
 * drops it, and the next lookup builds it again.
 */
import * as repo from '../shared/db';

export class IdentityIndexCache {
  private current: Promise<repo.IdentityIndex> | null = null;

  constructor(private readonly db: repo.HallwayDatabase) {}

  get(): Promise<repo.IdentityIndex> {
    this.current ??= repo.buildIdentityIndex(this.db).catch((error: unknown) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  invalidate(): void {
    this.current = null;
  }

  readonly match: repo.Matcher = async (identities) => repo.matchWithIndex(await this.get(), identities);
}
