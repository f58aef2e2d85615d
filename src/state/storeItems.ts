/**
 * The storage contract is botbuilder's `Storage` (read / write / delete of `StoreItems`), kept as a
 * structural type here so state code does not depend on the SDK more than it must.
 *
 * eTag contract (same as botbuilder's MemoryStorage): a write whose eTag is "*" or missing always
 * overwrites; a write with any other eTag succeeds only when it equals the stored item's eTag
 * (or nothing is stored yet), else the whole write is rejected with an EtagConflictError.
 */
export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}
export type StoreItems = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface StateStorage {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export class EtagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: eTag conflict for one key; the item was changed by another writer.`);
    this.name = 'EtagConflictError';
  }
}

export function isOverwrite(eTag: unknown): boolean {
  return eTag === undefined || eTag === null || eTag === '' || eTag === '*';
}

/** Largest state item a conversation may have (JSON bytes): far above any real dialog's needs. */
export const DEFAULT_MAX_STATE_BYTES = 64 * 1024;

export class StateTooLargeError extends Error {
  constructor(readonly bytes: number, readonly limit: number) {
    super(`Storage: a state item of ${bytes} bytes is over the ${limit}-byte cap.`);
    this.name = 'StateTooLargeError';
  }
}

export function checkStateSize(_key: string, json: string, limit: number): void {
  const bytes = Buffer.byteLength(json);
  if (bytes > limit) throw new StateTooLargeError(bytes, limit);
}
