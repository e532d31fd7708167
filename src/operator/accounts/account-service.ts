import { randomUUID } from 'node:crypto';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../core/crypto/password-hash.js';
import { generateSecretToken, hashSecretToken } from '../../core/crypto/secret-token.js';
import { generateTotpSecret, totpUri, verifyTotp } from '../../core/crypto/totp.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import { DomainError } from '../../core/errors/index.js';
import type { Database, Tx } from '../../store/database.js';
import type { AccountKind, AccountStore, ApiKeyRecord, UserAccount } from '../../store/accounts/account-store.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import type { LoginThrottle } from './login-throttle.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  kind: AccountKind;
  participantId: string | null;
  roles: string[];
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: UserAccount;
}

const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/**
 * People and machines: password login, throttled (never locked), with optional TOTP, console sessions, and API
 * keys shown once. Account changes are recorded as evidence; secrets never are.
 */
export class AccountService {
  constructor(
    private readonly database: Database,
    private readonly accounts: AccountStore,
    private readonly evidence: EvidenceRecorder,
    private readonly cipher: FieldCipher,
    private readonly issuerName: string,
    private readonly throttle: LoginThrottle,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Checks the password policy and hashes it (slow on purpose, so done before any transaction);
   * `insertUser` then stores the account, e.g. in the transaction of an application.
   */
  async prepareUser(input: NewUser): Promise<UserAccount> {
    const weak = checkPasswordStrength(input.password);
    if (weak.length > 0) {
      throw new DomainError('account.password-weak', `The password breaks: ${weak.join(', ')}.`, weak.map((rule: string) => ({ pointer: '/password', detail: rule })));
    }
    return {
      id: `u_${randomUUID().replaceAll('-', '')}`,
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      kind: input.kind,
      participantId: input.participantId,
      roles: input.roles,
      totpSecretCipher: null,
      totpEnabled: false,
      totpLastStep: null,
      disabled: false,
      createdAt: this.now().toISOString(),
    };
  }

  async insertUser(tx: Tx, user: UserAccount, actor: string): Promise<void> {
    await this.accounts.insertUser(tx, user);
    await this.evidence.record(tx, {
      type: 'account.user-created',
      subject: `user:${user.id}`,
      actor,
      payload: { username: user.username, kind: user.kind, participantId: user.participantId, roles: user.roles },
    });
  }

  async createUser(input: NewUser, actor: string): Promise<UserAccount> {
    const user = await this.prepareUser(input);
    await this.database.transaction((tx) => this.insertUser(tx, user, actor));
    return user;
  }

  /**
   * `address` is the client's address as the server sees it. A wrong password, an unknown
   * username and a wrong one-time code all give the same answer after the same password hashing,
   * and all count towards the throttle; while throttled, no password is checked at all.
   */
  async login(username: string, password: string, totp: string | undefined, address: string): Promise<LoginResult> {
    const now = this.now();
    await this.throttle.check(username, address, now);
    const user = await this.accounts.findUserByUsername(username);
    // Hash even for unknown users so response time does not reveal which usernames exist.
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || user.disabled || !passwordOk) {
      await this.throttle.failed(username, address, now);
      throw invalidLogin();
    }
    let step: number | null = null;
    if (user.totpEnabled && user.totpSecretCipher) {
      if (!totp) throw new DomainError('auth.totp-required', 'This account needs its one-time code (totp).');
      const secret = this.cipher.decrypt(user.totpSecretCipher, totpAad(user.id));
      const matched = verifyTotp(secret, totp, { at: now });
      if (matched === undefined || (user.totpLastStep !== null && matched <= user.totpLastStep)) {
        await this.throttle.failed(username, address, now);
        throw invalidLogin();
      }
      step = matched;
    }
    await this.throttle.succeeded(username, address);
    if (step !== null) await this.accounts.recordTotpStep(user.id, step);
    const token = generateSecretToken('tds_sess');
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
    await this.accounts.insertSession(hashSecretToken(token), user.id, now.toISOString(), expiresAt);
    return { token, expiresAt, user };
  }

  async sessionUser(token: string): Promise<UserAccount | undefined> {
    const user = await this.accounts.findSessionUser(hashSecretToken(token), this.now().toISOString());
    return user && !user.disabled ? user : undefined;
  }

  async logout(token: string): Promise<void> {
    await this.accounts.deleteSession(hashSecretToken(token));
  }

  /** Starts TOTP enrolment: the secret is stored (encrypted) but not enforced until confirmed. */
  async setupTotp(userId: string): Promise<{ secret: string; otpauthUri: string }> {
    const user = await this.requireUser(userId);
    const secret = generateTotpSecret();
    await this.accounts.setTotp(user.id, this.cipher.encrypt(secret, totpAad(user.id)), false, null);
    return { secret, otpauthUri: totpUri({ issuer: this.issuerName, account: user.username, secret }) };
  }

  async confirmTotp(userId: string, code: string): Promise<void> {
    const user = await this.requireUser(userId);
    if (!user.totpSecretCipher) throw new DomainError('account.totp-invalid', 'Start TOTP setup first.');
    const secret = this.cipher.decrypt(user.totpSecretCipher, totpAad(user.id));
    const step = verifyTotp(secret, code, { at: this.now() });
    if (step === undefined) throw new DomainError('account.totp-invalid', 'The code does not match; check the device clock.', [{ pointer: '/code', detail: 'wrong code' }]);
    await this.database.transaction(async (tx) => {
      await tx.updateTable('user_account').set({ totp_enabled: 1, totp_last_step: step }).where('id', '=', user.id).execute();
      await this.evidence.record(tx, { type: 'account.totp-enabled', subject: `user:${user.id}`, actor: `user:${user.id}`, payload: {} });
    });
  }

  async createApiKey(input: { label: string; participantId: string | null; roles: string[] }, actor: string): Promise<{ record: ApiKeyRecord; key: string }> {
    const key = generateSecretToken('tds_key');
    const record: ApiKeyRecord = {
      id: `k_${randomUUID().replaceAll('-', '')}`,
      label: input.label,
      participantId: input.participantId,
      roles: input.roles,
      createdBy: actor,
      createdAt: this.now().toISOString(),
      revokedAt: null,
    };
    await this.database.transaction(async (tx) => {
      await this.accounts.insertApiKey(tx, record, hashSecretToken(key));
      await this.evidence.record(tx, {
        type: 'account.api-key-created',
        subject: `apikey:${record.id}`,
        actor,
        payload: { label: record.label, participantId: record.participantId, roles: record.roles },
      });
    });
    return { record, key };
  }

  async revokeApiKey(id: string, participantId: string | null, actor: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      if (!(await this.accounts.revokeApiKey(tx, id, participantId, this.now().toISOString()))) {
        throw new DomainError('account.not-found', `No active API key ${id}.`);
      }
      await this.evidence.record(tx, { type: 'account.api-key-revoked', subject: `apikey:${id}`, actor, payload: {} });
    });
  }

  async apiKey(key: string): Promise<ApiKeyRecord | undefined> {
    return this.accounts.findApiKeyByHash(hashSecretToken(key));
  }

  private async requireUser(id: string): Promise<UserAccount> {
    const user = await this.accounts.findUserById(id);
    if (!user) throw new DomainError('account.not-found', `No user ${id}.`);
    return user;
  }
}

const totpAad = (userId: string) => `user:${userId}:totp`;

function invalidLogin(): DomainError {
  return new DomainError('auth.invalid-credentials', 'The username, password or one-time code is wrong.');
}

// A fixed scrypt hash of a random password, so unknown usernames cost the same as known ones.
const UNKNOWN_USER_HASH = 'scrypt$N=32768,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
