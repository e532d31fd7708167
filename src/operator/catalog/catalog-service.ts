import { entryFacets, searchableTexts } from '../../core/catalog/catalog-facets.js';
import { requireAction, type CatalogAction, type CatalogEntryStatus } from '../../core/catalog/catalog-entry-status.js';
import type { CatalogOffer } from '../../core/catalog/catalog-offer.js';
import type { CatalogRecord, ReviewSummary, StoredFinding } from '../../core/catalog/catalog-record.js';
import { canSee, type Viewer, type Visibility } from '../../core/catalog/catalog-visibility.js';
import { reviewPublication, type ManualReviewRule } from '../../core/catalog/normative-review.js';
import { indexTokens } from '../../core/catalog/search-tokens.js';
import { payloadHashOf } from '../../core/ledger/evidence-entry.js';
import type { HashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { DomainError } from '../../core/errors/index.js';
import type { CatalogEntry } from '../../core/metadata/catalog-entry.js';
import { formatResourceUrn, parseResourceUrn } from '../../core/metadata/catalog-entry.js';
import type { PiiScan } from '../../core/metadata/pii-detection.js';
import { approvalFindings, channelApproval, settleOffers } from './offer-approval.js';
import type { ParticipantRecord } from '../../core/admission/participant-record.js';
import type { Database, Tx } from '../../store/database.js';
import type { CatalogIndexing, CatalogStore } from '../../store/catalog/catalog-store.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';

export interface PublicationInput {
  /** The provider's own name for the resource: the last segment of its URN. */
  resource: string;
  entry: Omit<CatalogEntry, 'id'> & { id?: string };
  offers: CatalogOffer[];
  visibility: Visibility;
  piiScan?: PiiScan;
  connectorUrl?: string;
}

/** The space's URN segment from its origin: `tds.example.org/space-1` → `tds.example.org.space-1`. */
export const spaceSegment = (origin: string): string => origin.replace(/[^A-Za-z0-9._~-]+/g, '.').replace(/^\.+|\.+$/g, '') || 'space';

export interface CatalogSettings {
  /** The space's segment of resource URNs (`urn:tds:<space>:…`). */
  space: string;
  /** The space rule for the manual review step. */
  manualReview: ManualReviewRule;
  hash: HashAlgorithm;
}

/**
 * The space-wide catalog (数据发布发现): publications from providers' connectors, the
 * normative review (资源规范性审查, automatic and, by space rule, manual), unpublishing and
 * withdrawal, versions and the notices to readers of older ones. Every change writes the entry,
 * its history rows, its index and its ledger entry in one transaction.
 */
export class CatalogService {
  constructor(
    private readonly database: Database,
    private readonly store: CatalogStore,
    private readonly participants: ParticipantStore,
    private readonly evidence: EvidenceRecorder,
    private readonly settings: CatalogSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get space(): string {
    return this.settings.space;
  }

  /** The URN a participant's resource is published under. */
  urnFor(participantId: string, resource: string): string {
    try {
      return formatResourceUrn({ space: this.settings.space, participant: participantId, resource });
    } catch {
      throw new DomainError('catalog.entry-invalid', 'The resource name may hold letters, digits and . _ ~ - : only.', [{ pointer: '/resource', detail: 'letters, digits, . _ ~ - :' }]);
    }
  }

  /**
   * A new version of a participant's entry. The automatic review runs first; a new entry that
   * fails it is recorded as rejected with the reasons, while a failing new version of a live
   * entry is recorded as a failed review and leaves the live version as it was.
   */
  async publish(participantId: string, actor: string, input: PublicationInput): Promise<CatalogRecord> {
    const provider = await this.requireProvider(participantId);
    const id = this.urnFor(participantId, input.resource);
    if (input.entry.id !== undefined && input.entry.id !== id) {
      throw new DomainError('catalog.entry-invalid', `The entry id must be ${id}.`, [{ pointer: '/entry/id', detail: `must be ${id} (or left out)` }]);
    }
    const { offers, channels } = settleOffers(input);
    // The index lists only the distributions some live offer allows (a sandbox-only asset shows no download).
    const distributions = input.entry.distributions?.filter((d) => !d.accessMode || channels.has(d.accessMode));
    input = { ...input, offers, entry: { ...input.entry, ...(distributions ? { distributions } : {}) } };
    // The operator states who publishes; a connector cannot publish in another's name.
    const entry: CatalogEntry = { ...input.entry, id, publisher: { id: provider.id, name: provider.name, ...(provider.did ? { did: provider.did } : {}) } };
    const at = this.now().toISOString();
    const automatic = reviewPublication({ entry, offers: input.offers, ...(input.piiScan ? { piiScan: input.piiScan } : {}) }, { manualReview: this.settings.manualReview });
    const findings: StoredFinding[] = automatic.findings.map((f) => ({ rule: f.rule, severity: f.severity, ...(f.pointer ? { pointer: f.pointer } : {}), detail: f.detail }));
    const passed = automatic.outcome === 'passed';
    const metadataHash = this.metadataHash(entry, input.offers);

    return this.database.transaction(async (tx) => {
      const current = await this.store.findById(id, tx);
      if (current) requireAction(current.status, 'publish');
      const version = (current?.version ?? 0) + 1;
      const review: ReviewSummary = {
        version,
        automatic: { outcome: automatic.outcome, findings, at },
        ...(passed && automatic.manualReviewRequired ? { manual: { required: true as const, reasons: automatic.manualReasons } } : {}),
      };
      if (!passed && current && current.status !== 'rejected') {
        const recorded = await this.evidence.record(tx, {
          type: 'catalog.version-refused',
          subject: id,
          actor,
          payload: { entryId: id, version, metadataHash, outcome: 'failed', rules: findings.filter((f) => f.severity === 'error').map((f) => f.rule) },
        });
        await this.store.addReview(tx, id, version, { stage: 'automatic', outcome: 'failed', findings, reviewer: 'automatic', reason: null, evidenceHash: recorded.payloadHash, at });
        const next: CatalogRecord = { ...current, review, updatedAt: at, rowVersion: current.rowVersion + 1 };
        await this.store.update(tx, next, current.rowVersion, await this.indexing(next, tx));
        return next;
      }
      const status: CatalogEntryStatus = !passed ? 'rejected' : automatic.manualReviewRequired ? 'pending_review' : 'published';
      const next: CatalogRecord = {
        id,
        providerId: provider.id,
        providerName: provider.name,
        status,
        version,
        entry,
        offers: input.offers,
        visibility: input.visibility,
        ...(input.piiScan ? { piiScan: input.piiScan } : {}),
        review,
        ...(input.connectorUrl ? { connectorUrl: input.connectorUrl } : {}),
        ...(status === 'published' ? { publishedAt: at } : current?.publishedAt ? { publishedAt: current.publishedAt } : {}),
        createdAt: current?.createdAt ?? at,
        updatedAt: at,
        rowVersion: (current?.rowVersion ?? 0) + 1,
      };
      const recorded = await this.evidence.record(tx, {
        type: 'catalog.published',
        subject: id,
        actor,
        payload: { entryId: id, version, metadataHash, status, outcome: automatic.outcome, visibility: input.visibility.scope, rules: findings.map((f) => f.rule), manualReasons: review.manual?.reasons ?? [] },
      });
      if (current) await this.store.update(tx, next, current.rowVersion, await this.indexing(next, tx));
      else await this.store.insert(tx, next, await this.indexing(next, tx));
      await this.store.addVersion(tx, next, metadataHash, recorded.payloadHash);
      await this.store.addReview(tx, id, version, { stage: 'automatic', outcome: automatic.outcome, findings, reviewer: 'automatic', reason: null, evidenceHash: recorded.payloadHash, at });
      await this.store.addEvent(tx, id, version, { action: 'publish', from: current?.status ?? null, to: status, actor, reason: null, evidenceHash: recorded.payloadHash, at });
      if (status === 'published' && version > 1) await this.store.notifyFollowers(tx, id, version, 'new-version', at);
      return next;
    });
  }

  /**
   * The manual review step (人工审核) by operator staff. Approving important data for a channel
   * other than the sandbox needs a named person: the approval records who (id and name) and which
   * channels, in the entry's review and its review history.
   */
  async decide(id: string, decision: 'approve' | 'reject', reason: string | undefined, actor: string, person?: { id: string; name: string }): Promise<CatalogRecord> {
    const trimmed = reason?.trim() || null;
    if (decision === 'reject' && !trimmed) throw new DomainError('request.invalid', 'A reason is required to reject.', [{ pointer: '/reason', detail: 'required' }]);
    return this.change(id, decision, actor, trimmed, (current, at) => {
      const approval = decision === 'approve' ? channelApproval(current, person) : undefined;
      const manual = { ...(current.review?.manual ?? { required: true as const, reasons: [] }), outcome: decision === 'approve' ? ('approved' as const) : ('rejected' as const), reviewer: actor, at, ...(trimmed ? { reason: trimmed } : {}), ...(approval ?? {}) };
      return {
        status: decision === 'approve' ? 'published' : 'rejected',
        review: current.review ? { ...current.review, manual } : undefined,
        ...(decision === 'approve' ? { publishedAt: at } : {}),
      };
    });
  }

  /** The provider takes its entry off the catalog (it may publish again). */
  async unpublish(id: string, participantId: string, actor: string, reason: string | undefined): Promise<CatalogRecord> {
    await this.requireOwn(id, participantId);
    return this.change(id, 'unpublish', actor, reason?.trim() || null, () => ({ status: 'unpublished' }));
  }

  /** The provider retires its entry for good; the URN still resolves, as withdrawn. */
  async withdraw(id: string, participantId: string, actor: string, reason: string | undefined): Promise<CatalogRecord> {
    await this.requireOwn(id, participantId);
    return this.change(id, 'withdraw', actor, reason?.trim() || null, () => ({ status: 'withdrawn' }));
  }

  private async change(
    id: string,
    action: Exclude<CatalogAction, 'publish'>,
    actor: string,
    reason: string | null,
    apply: (current: CatalogRecord, at: string) => Partial<Pick<CatalogRecord, 'status' | 'review' | 'publishedAt'>>,
  ): Promise<CatalogRecord> {
    return this.database.transaction(async (tx) => {
      const current = await this.store.findById(id, tx);
      if (!current) throw new DomainError('catalog.entry-not-found', `No catalog entry ${id}.`);
      requireAction(current.status, action);
      const at = this.now().toISOString();
      const changes = apply(current, at);
      const next: CatalogRecord = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), updatedAt: at, rowVersion: current.rowVersion + 1 };
      const recorded = await this.evidence.record(tx, {
        type: `catalog.${action === 'approve' || action === 'reject' ? 'reviewed' : action === 'unpublish' ? 'unpublished' : 'withdrawn'}`,
        subject: id,
        actor,
        payload: { entryId: id, version: current.version, action, from: current.status, to: next.status, ...(reason ? { reason } : {}), ...(action === 'approve' && next.review?.manual?.approvedBy ? { approvedBy: next.review.manual.approvedBy, approvedChannels: next.review.manual.approvedChannels } : {}) },
      });
      await this.store.update(tx, next, current.rowVersion, await this.indexing(next, tx));
      await this.store.addEvent(tx, id, current.version, { action, from: current.status, to: next.status, actor, reason, evidenceHash: recorded.payloadHash, at });
      if (action === 'approve' || action === 'reject') {
        await this.store.addReview(tx, id, current.version, { stage: 'manual', outcome: action === 'approve' ? 'approved' : 'rejected', findings: action === 'approve' ? approvalFindings(next.review?.manual) : [], reviewer: actor, reason, evidenceHash: recorded.payloadHash, at });
      }
      if (action === 'approve' && current.version > 1) await this.store.notifyFollowers(tx, id, current.version, 'new-version', at);
      if (action === 'unpublish' || action === 'withdraw') await this.store.notifyFollowers(tx, id, current.version, action === 'unpublish' ? 'unpublished' : 'withdrawn', at);
      return next;
    });
  }

  /**
   * The entry as `viewer` may read it. Others' entries are visible only while published and
   * only under their visibility rule; anything else is "not found", never "forbidden", so the
   * answer does not reveal that the entry exists. A participant reading another's entry is
   * remembered as a follower of that version.
   */
  async read(id: string, viewer: Viewer, version?: number): Promise<{ record: CatalogRecord; shown: Pick<CatalogRecord, 'entry' | 'offers' | 'visibility'> & { version: number } }> {
    const record = await this.store.findById(id);
    const own = viewer.kind === 'participant' && record?.providerId === viewer.participantId;
    // Each version keeps the visibility it was published with: `?version=N` is judged by
    // version N's, so a bank-only v4 stays bank-only after a public v5 (issue 15).
    const visibleAt = (visibility: Visibility) =>
      record !== undefined && (viewer.kind === 'overseer' || own || (['published', 'withdrawn'].includes(record.status) && canSee(visibility, viewer, record.providerId)));
    if (!record) throw new DomainError('catalog.entry-not-found', `No catalog entry ${id}.`);
    let shown = { entry: record.entry, offers: record.offers, visibility: record.visibility, version: record.version };
    if (version !== undefined && version !== record.version) {
      const old = await this.store.version(id, version);
      if (!old || !visibleAt(old.visibility)) {
        // Whether the entry or the version exists is told only to someone who may see the entry.
        throw new DomainError('catalog.entry-not-found', visibleAt(record.visibility) ? `Catalog entry ${id} has no version ${version} you may see.` : `No catalog entry ${id}.`);
      }
      shown = { ...old, version };
    } else if (!visibleAt(record.visibility)) {
      throw new DomainError('catalog.entry-not-found', `No catalog entry ${id}.`);
    }
    if (viewer.kind === 'participant' && !own && viewer.participantId && record.status === 'published') {
      await this.store.follow(id, viewer.participantId, shown.version, this.now().toISOString());
    }
    return { record, shown };
  }

  /** Where a resource lives now and how it is reached (URN resolution, 标识解析). */
  async resolve(id: string, viewer: Viewer): Promise<{ id: string; status: CatalogEntryStatus; version: number; provider: { id: string; name: string; did?: string }; connectorUrl?: string; handle?: string; doi?: string; accessModes: string[] }> {
    if (!parseResourceUrn(id)) throw new DomainError('catalog.entry-not-found', `${id} is not a resource URN of a Trustspace space.`);
    const { record } = await this.read(id, viewer);
    return {
      id,
      status: record.status,
      version: record.version,
      provider: { id: record.providerId, name: record.providerName, ...(record.entry.publisher?.did ? { did: record.entry.publisher.did } : {}) },
      ...(record.connectorUrl ? { connectorUrl: record.connectorUrl } : {}),
      ...(record.entry.handle ? { handle: record.entry.handle } : {}),
      ...(record.entry.doi ? { doi: record.entry.doi } : {}),
      accessModes: [...new Set(record.offers.map((o) => o.accessMode))],
    };
  }

  /** Facets and tokens of the record; the industry facet is the provider's (GB/T 4754). */
  private async indexing(record: CatalogRecord, tx: Tx): Promise<CatalogIndexing> {
    const provider = await this.participants.findById(record.providerId, tx);
    const industries = provider ? [provider.industry.section, ...(provider.industry.division ? [`${provider.industry.section}${provider.industry.division}`] : [])] : [];
    return { facets: entryFacets(record.entry, record.offers, { id: record.providerId, name: record.providerName, industries }), tokens: indexTokens(searchableTexts(record.entry, record.providerName)) };
  }

  private async requireProvider(participantId: string): Promise<ParticipantRecord> {
    const provider = await this.participants.findById(participantId);
    if (!provider || provider.status !== 'approved' || !provider.roles.includes('provider')) {
      throw new DomainError('catalog.not-provider', 'Only an admitted participant with the provider role publishes to the catalog.');
    }
    return provider;
  }

  private async requireOwn(id: string, participantId: string): Promise<void> {
    const record = await this.store.findById(id);
    if (!record || record.providerId !== participantId) throw new DomainError('catalog.entry-not-found', `No catalog entry ${id} of yours.`);
  }

  private metadataHash(entry: CatalogEntry, offers: CatalogOffer[]): string {
    return payloadHashOf(this.settings.hash, { entry, offers });
  }
}
