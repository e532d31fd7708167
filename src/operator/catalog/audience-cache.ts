import { canSee, type Viewer, type Visibility } from '../../core/catalog/catalog-visibility.js';
import type { CatalogStore } from '../../store/catalog/catalog-store.js';

/**
 * The distinct visibility rules, held in memory: search asks which of them a caller passes
 * and filters entries by those ids in SQL. Rules never change once stored, so each search
 * only loads the ones added since (usually none): always current, also across replicas.
 */
export class AudienceCache {
  private readonly rules: Array<{ id: number; visibility: Visibility }> = [];
  private maxId = 0;
  private loading: Promise<void> | undefined;

  constructor(private readonly store: CatalogStore) {}

  /** Ids of the rules `viewer` passes (the provider's own entries are matched separately). */
  async visibleTo(viewer: Viewer): Promise<number[]> {
    await this.refresh();
    return this.rules.filter((r) => canSee(r.visibility, viewer, '')).map((r) => r.id);
  }

  private async refresh(): Promise<void> {
    // One load at a time: concurrent searches share it instead of appending the same rules twice.
    this.loading ??= (async () => {
      try {
        for (const rule of await this.store.audiencesAfter(this.maxId)) {
          this.rules.push(rule);
          this.maxId = Math.max(this.maxId, rule.id);
        }
      } finally {
        this.loading = undefined;
      }
    })();
    await this.loading;
  }
}
