/**
 * The errors the database module throws for the user to read: the message layer passes their text on
 * as it is; anything else is reported as a generic failure.
 */

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found; it may have been deleted.`);
    // Not "NotFoundError": Dexie takes rejections named like IndexedDB's own errors for its own
    // and wraps them, which would turn this readable message into a generic failure.
    this.name = 'HallwayNotFoundError';
  }
}

export class InvalidDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HallwayInvalidDataError';
  }
}

/**
 * An address or chat id that already belongs to someone else: one colleague is one record, so the
 * save is refused and the UI offers to open the person who has it.
 */
export class DuplicateIdentityError extends InvalidDataError {
  constructor(
    readonly identity: string,
    readonly owner: { id: string; displayName: string },
  ) {
    super(`${identity} already belongs to ${owner.displayName}. Open ${owner.displayName} to add to their record instead.`);
    this.name = 'HallwayDuplicateIdentityError';
  }
}
