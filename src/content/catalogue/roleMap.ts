/**
 * A Map that also answers role ids. Dialogs name roles (`service: mental-substance`,
 * `queue: general-guidance`); each pack says which of its services and queues fill them.
 * `get` and `has` resolve a role to the entry filling it, while iteration, `keys()` and
 * `size` show only the real entries, so nothing that lists queues or services (the console,
 * the handoff statistics, content:report) ever sees an entry twice.
 */
export class RoleMap<V> extends Map<string, V> {
  private readonly roles = new Map<string, string>();

  /** Lets `role` answer with the entry `id`. */
  alias(role: string, id: string): void {
    this.roles.set(role, id);
  }

  override get(key: string): V | undefined {
    return super.get(key) ?? (this.roles.has(key) ? super.get(this.roles.get(key)!) : undefined);
  }

  override has(key: string): boolean {
    return super.has(key) || (this.roles.has(key) && super.has(this.roles.get(key)!));
  }

  /** Role id → the id of the entry filling it. */
  roleEntries(): [string, string][] {
    return [...this.roles.entries()];
  }
}

/** Every id a dialog may name: the real ids and the roles filled in this pack. */
export function nameableIds<V>(map: Map<string, V>): Set<string> {
  const ids = new Set(map.keys());
  if (map instanceof RoleMap) for (const [role] of map.roleEntries()) ids.add(role);
  return ids;
}
