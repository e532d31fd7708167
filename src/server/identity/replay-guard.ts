/** Remembers token ids until they expire, so a captured identity token cannot be replayed. */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True when `jti` was already seen (a replay); otherwise remembers it until `expSeconds`. */
  seenBefore = (jti: string, expSeconds: number): boolean => {
    const now = this.now();
    if (this.seen.size > 10_000) for (const [id, exp] of this.seen) if (exp <= now) this.seen.delete(id);
    const known = this.seen.get(jti);
    if (known !== undefined && known > now) return true;
    this.seen.set(jti, expSeconds * 1000);
    return false;
  };
}
