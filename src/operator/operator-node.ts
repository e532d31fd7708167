import type { Logger } from 'pino';
import type { Ed25519KeyPair } from '../core/crypto/ed25519-key.js';
import type { FieldCipher } from '../core/crypto/field-cipher.js';
import type { HashAlgorithmName } from '../core/crypto/hash-algorithm.js';
import type { SigningKey } from '../core/crypto/signing-key.js';
import { productVersion } from '../core/version.js';
import type { Database } from '../store/database.js';
import { AccountStore } from '../store/accounts/account-store.js';
import { LoginThrottleStore } from '../store/accounts/login-throttle-store.js';
import { CredentialStore } from '../store/identity/credential-store.js';
import { IdentityRegistryStore } from '../store/identity/identity-registry-store.js';
import { LedgerStore } from '../store/ledger/ledger-store.js';
import { EvidenceRecorder } from '../store/evidence/evidence-recorder.js';
import { ParticipantStore } from '../store/participants/participant-store.js';
import { registerAccessControl } from '../server/access-control.js';
import { buildServer, type App } from '../server/build-server.js';
import type { RateLimits } from '../server/rate-limit.js';
import { grants } from './accounts/account-roles.js';
import { registerConsoleInfo } from '../server/console-info.js';
import { registerCodeListRoutes } from '../server/code-list-routes.js';
import { IdentityFetcher } from '../server/identity/identity-fetcher.js';
import { AccountService } from './accounts/account-service.js';
import { LoginThrottle, type LoginThrottleOptions } from './accounts/login-throttle.js';
import { registerAccountRoutes } from './accounts/account-routes.js';
import { operatorPrincipals } from './accounts/operator-principals.js';
import { ParticipantAccessEnder } from './accounts/participant-access-ender.js';
import { CredentialIssuer } from './identity/credential-issuer.js';
import { EnrollmentService } from './identity/enrollment-service.js';
import { localIdentityResolver } from './identity/local-identity-resolver.js';
import { registerIdentityRoutes } from './identity/identity-routes.js';
import { OperatorIdentity } from './identity/operator-identity.js';
import { StatusListService } from './identity/status-list-service.js';
import { CheckpointSigner } from './ledger/checkpoint-signer.js';
import { LedgerReader } from './ledger/ledger-reader.js';
import { LedgerSequencer } from './ledger/ledger-sequencer.js';
import { registerLedgerRoutes } from './ledger/ledger-routes.js';
import { verifiableEntry } from './ledger/relay-admission.js';
import { LedgerSelfCheck } from './ledger/ledger-self-check.js';
import { registerLedgerStatusRoute } from './ledger/ledger-status-route.js';
import { LedgerVerificationStore } from '../store/ledger/ledger-verification-store.js';
import { registerRelayRoutes, type RelayOptions } from './ledger/relay-routes.js';
import type { IdentityVerifier } from './registry/identity-verifier.js';
import { RegistryService } from './registry/registry-service.js';
import { registerDirectoryRoutes } from './registry/directory-routes.js';
import { registerRegistryRoutes } from './registry/registry-routes.js';
import { rulesVerifiers } from './registry/rules-verifier.js';
import type { ManualReviewRule } from '../core/catalog/normative-review.js';
import { CatalogSearch } from '../store/catalog/catalog-search.js';
import { CatalogStore } from '../store/catalog/catalog-store.js';
import { AudienceCache } from './catalog/audience-cache.js';
import { CatalogFinder } from './catalog/catalog-finder.js';
import { registerCatalogRoutes } from './catalog/catalog-routes.js';
import { CatalogService, spaceSegment } from './catalog/catalog-service.js';
import { CatalogFiguresStore } from '../store/metrics/catalog-figures-store.js';
import { MetricsProjectionStore } from '../store/metrics/metrics-projection-store.js';
import { MetricsQueryStore } from '../store/metrics/metrics-query-store.js';
import { ParticipantFiguresStore } from '../store/metrics/participant-figures-store.js';
import { DashboardService } from './dashboard/dashboard-service.js';
import { registerDashboardRoutes } from './dashboard/dashboard-routes.js';
import { LedgerProjection } from './dashboard/ledger-projection.js';

export interface OperatorOptions {
  database: Database;
  /** The checkpoint origin, e.g. `tds.example.org/space-1`; also the signing key's name and the space's name. */
  origin: string;
  ledgerKey: Ed25519KeyPair;
  /** Only used when the space's ledger is created; an existing ledger keeps its algorithm. */
  hashAlgorithm: HashAlgorithmName;
  adminTokenDigests: string[];
  /** Where participants reach this operator; its host names the operator's did:web. */
  publicUrl: string;
  /** Signs credentials and status lists (EdDSA, ES256 or SM2). */
  issuerKey: SigningKey;
  /** Encrypts personal data at rest. */
  piiCipher: FieldCipher;
  /** External identity checks run when review starts; the rules-based ones by default. */
  verifiers?: IdentityVerifier[];
  /** When a person reviews catalog publications after the automatic review: always, never, or for sensitive ones (default). */
  catalogManualReview?: ManualReviewRule;
  logger?: Logger | false;
  sequencerPollMs?: number;
  /** Reverse proxies (addresses, CIDR) trusted to name the client in X-Forwarded-For. */
  trustProxy?: string[];
  /** Requests per client address on public routes; the defaults suit a production space. */
  rateLimits?: Partial<RateLimits>;
  /** Backoff after failed logins; the defaults suit a production space. */
  loginThrottle?: LoginThrottleOptions;
  /** How often the operator recomputes its whole ledger (6 h by default); at start it checks what was added since the last time. */
  ledgerSelfCheckMs?: number;
  /** Quota and date window of connectors' relayed evidence (ADR 0013). */
  relay?: RelayOptions;
}

export interface OperatorNode {
  app: App;
  sequencer: LedgerSequencer;
  selfCheck: LedgerSelfCheck;
  evidence: EvidenceRecorder;
  verifierKey: string;
  identity: OperatorIdentity;
  registry: RegistryService;
  accounts: AccountService;
  enrollment: EnrollmentService;
  catalog: CatalogService;
  dashboard: DashboardService;
}

/** Assembles the operator: ledger first, since every other module records evidence into it. */
export async function createOperatorNode(options: OperatorOptions): Promise<OperatorNode> {
  const { database } = options;
  const ledgerStore = new LedgerStore(database);
  const signer = new CheckpointSigner(options.origin, options.ledgerKey);
  const selfCheck = new LedgerSelfCheck(ledgerStore, new LedgerVerificationStore(database), signer, { logger: options.logger || undefined });
  // Before the sequencer signs anything: a log that does not verify gets no new checkpoint.
  await selfCheck.check('incremental');
  selfCheck.schedule(options.ledgerSelfCheckMs ?? 6 * 60 * 60_000);
  const sequencer = new LedgerSequencer(ledgerStore, signer, { pollMs: options.sequencerPollMs });
  await sequencer.start(options.hashAlgorithm);
  const evidence = new EvidenceRecorder(ledgerStore, sequencer.algorithm, () => sequencer.wake());

  const participants = new ParticipantStore(database);
  const accountStore = new AccountStore(database);
  const credentialStore = new CredentialStore(database);
  const identityStore = new IdentityRegistryStore(database);
  const identity = new OperatorIdentity(options.publicUrl, options.issuerKey, options.origin);
  const accounts = new AccountService(database, accountStore, evidence, options.piiCipher, `Trustspace ${options.origin}`, new LoginThrottle(new LoginThrottleStore(database), options.loginThrottle));
  const registry = new RegistryService(database, participants, evidence, options.piiCipher, options.verifiers ?? rulesVerifiers());
  const statusLists = new StatusListService(database, credentialStore, identity);
  await statusLists.ensure();
  const issuer = new CredentialIssuer(identity, credentialStore, participants, statusLists, evidence);
  registry.onStatusChange(issuer);
  registry.onStatusChange(new ParticipantAccessEnder(accountStore, evidence));
  const enrollment = new EnrollmentService(database, identityStore, registry, issuer, identity, evidence);
  const catalogStore = new CatalogStore(database);
  const catalog = new CatalogService(database, catalogStore, participants, evidence, {
    space: spaceSegment(options.origin),
    manualReview: options.catalogManualReview ?? 'sensitive',
    hash: sequencer.algorithm,
  });
  const finder = new CatalogFinder(new CatalogSearch(database), new AudienceCache(catalogStore));

  const app = await buildServer({
    node: 'operator',
    title: 'Trustspace operator API',
    version: productVersion,
    description: 'The operator node of a Trustspace trusted data space (可信数据空间): admission, identity, accounts, the resource catalog and the evidence ledger.',
    logger: options.logger,
    metricsAccess: [grants.operatorAdmin, grants.auditor],
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    readiness: [
      { name: 'database', check: () => database.ping() },
      { name: 'ledger', check: async () => sequencer.failure === undefined && selfCheck.status.state !== 'broken' },
    ],
  });
  const identities = localIdentityResolver({ identity, participants, store: identityStore, statusLists, remote: new IdentityFetcher(identity.publicUrl) });
  registerAccessControl(app, operatorPrincipals({ adminTokenDigests: () => options.adminTokenDigests, accounts, participants, identities, operatorDid: identity.did }));
  registerConsoleInfo(app, { node: 'operator', name: options.origin, origin: options.origin });
  registerCodeListRoutes(app);
  registerLedgerRoutes(app, { reader: new LedgerReader(ledgerStore), sequencer, verifierKey: signer.verifierKey });
  registerLedgerStatusRoute(app, selfCheck);
  registerRelayRoutes(app, { sequencer, store: ledgerStore, resolveDidDocument: identities.resolveDidDocument, ...(options.relay ? { options: options.relay } : {}) });
  registerAccountRoutes(app, { service: accounts, store: accountStore, participants });
  registerDirectoryRoutes(app, { participants, accounts: accountStore });
  registerRegistryRoutes(app, {
    registry,
    participants,
    prepareApplicantUser: async (account, contactName) => {
      const user = await accounts.prepareUser({ username: account.username, displayName: account.displayName ?? contactName, password: account.password, kind: 'participant', participantId: null, roles: ['admin'] });
      return (tx, participant) => accounts.insertUser(tx, { ...user, participantId: participant.id }, `applicant:${participant.id}`);
    },
  });
  registerIdentityRoutes(app, { database, identity, registry, issuer, enrollment, statusLists, store: identityStore, evidence });
  registerCatalogRoutes(app, { catalog, finder, store: catalogStore, participants });
  const projection = new LedgerProjection(ledgerStore, new MetricsProjectionStore(database), undefined, (entry) => verifiableEntry(entry, identities.resolveDidDocument));
  const dashboard = new DashboardService({
    projection,
    queries: new MetricsQueryStore(database),
    catalog: new CatalogFiguresStore(database),
    participants: new ParticipantFiguresStore(database),
    ledger: ledgerStore,
  });
  registerDashboardRoutes(app, { service: dashboard });
  // A space upgraded from before the dashboard projects its ledger at start, not on the first request.
  app.addHook('onReady', async () => {
    void projection.catchUp().catch((error: unknown) => app.log.warn({ err: error }, 'the dashboard projection could not catch up with the ledger; the next request retries'));
  });
  app.addHook('onClose', async () => {
    await selfCheck.stop();
    await sequencer.stop();
    // A catch-up under way finishes before the database closes.
    await projection.idle();
  });
  return { app, sequencer, selfCheck, evidence, verifierKey: signer.verifierKey, identity, registry, accounts, enrollment, catalog, dashboard };
}
