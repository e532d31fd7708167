import { sql } from 'kysely';
import { DomainError } from '../../core/errors/index.js';
import type { Database, Tx } from '../database.js';
import type { Selectable } from 'kysely';
import type { UserAccountTable } from '../schema.js';
import { isUniqueViolation } from '../unique-violation.js';

export type AccountKind = 'operator' | 'participant';

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  kind: AccountKind;
  participantId: string | null;
  roles: string[];
  totpSecretCipher: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  disabled: boolean;
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  label: string;
  participantId: string | null;
  roles: string[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

const fromRow = (r: Selectable<UserAccountTable>): UserAccount => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  kind: r.kind as AccountKind,
  participantId: r.participant_id,
  roles: JSON.parse(r.roles),
  totpSecretCipher: r.totp_secret_cipher,
  totpEnabled: r.totp_enabled === 1,
  totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
  disabled: r.disabled === 1,
  createdAt: r.created_at,
});

/**
 * People (staff of the operator and of participants), their console sessions and machine API
 * keys. Secrets are stored only as hashes (sessions, keys) or scrypt (passwords).
 */
export class AccountStore {
  constructor(private readonly database: Database) {}

  async insertUser(tx: Tx | undefined, user: UserAccount): Promise<void> {
    try {
      await (tx ?? this.database.db)
        .insertInto('user_account')
        .values({
          id: user.id,
          username: user.username,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          kind: user.kind,
          participant_id: user.participantId,
          roles: JSON.stringify(user.roles),
          totp_secret_cipher: user.totpSecretCipher,
          totp_enabled: user.totpEnabled ? 1 : 0,
          totp_last_step: user.totpLastStep,
          disabled: user.disabled ? 1 : 0,
          created_at: user.createdAt,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('account.username-taken', `The username '${user.username}' is taken.`, [{ pointer: '/username', detail: 'taken' }]);
      }
      throw error;
    }
  }

  /** Usernames compare case-insensitively (`Admin` is `admin`), as the unique index on lower(username) does. */
  async findUserByUsername(username: string): Promise<UserAccount | undefined> {
    const row = await this.database.db.selectFrom('user_account').selectAll().where(sql<string>`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async findUserById(id: string): Promise<UserAccount | undefined> {
    const row = await this.database.db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async listUsers(scope: { kind: AccountKind; participantId: string | null }): Promise<UserAccount[]> {
    let query = this.database.db.selectFrom('user_account').selectAll().where('kind', '=', scope.kind);
    query = scope.participantId === null ? query.where('participant_id', 'is', null) : query.where('participant_id', '=', scope.participantId);
    return (await query.orderBy('created_at').execute()).map(fromRow);
  }

  /** Remembers the TOTP step a successful login used, so it cannot be replayed. */
  async recordTotpStep(userId: string, totpStep: number): Promise<void> {
    await this.database.db.updateTable('user_account').set({ totp_last_step: totpStep }).where('id', '=', userId).execute();
  }

  async setTotp(userId: string, secretCipher: string | null, enabled: boolean, lastStep: number | null): Promise<void> {
    await this.database.db
      .updateTable('user_account')
      .set({ totp_secret_cipher: secretCipher, totp_enabled: enabled ? 1 : 0, totp_last_step: lastStep })
      .where('id', '=', userId)
      .execute();
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.database.db.updateTable('user_account').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }

  async insertSession(tokenHash: string, userId: string, createdAt: string, expiresAt: string): Promise<void> {
    await this.database.db.insertInto('auth_session').values({ token_hash: tokenHash, user_id: userId, created_at: createdAt, expires_at: expiresAt }).execute();
  }

  /** The session's user when the session exists and has not expired at `now`. */
  async findSessionUser(tokenHash: string, now: string): Promise<UserAccount | undefined> {
    const row = await this.database.db
      .selectFrom('auth_session')
      .innerJoin('user_account', 'user_account.id', 'auth_session.user_id')
      .selectAll('user_account')
      .where('auth_session.token_hash', '=', tokenHash)
      .where('auth_session.expires_at', '>', now)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.database.db.deleteFrom('auth_session').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.database.db.deleteFrom('auth_session').where('expires_at', '<=', now).execute();
  }

  /** Ends every session of `participantId`'s users; returns how many there were. */
  async deleteSessionsOfParticipant(tx: Tx, participantId: string): Promise<number> {
    const result = await tx
      .deleteFrom('auth_session')
      .where('user_id', 'in', (eb) => eb.selectFrom('user_account').select('id').where('participant_id', '=', participantId))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Revokes every active API key of `participantId`; returns how many there were. */
  async revokeApiKeysOfParticipant(tx: Tx, participantId: string, at: string): Promise<number> {
    const result = await tx.updateTable('api_key').set({ revoked_at: at }).where('participant_id', '=', participantId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async insertApiKey(tx: Tx | undefined, key: ApiKeyRecord, keyHash: string): Promise<void> {
    await (tx ?? this.database.db)
      .insertInto('api_key')
      .values({
        id: key.id,
        key_hash: keyHash,
        label: key.label,
        participant_id: key.participantId,
        roles: JSON.stringify(key.roles),
        created_by: key.createdBy,
        created_at: key.createdAt,
        revoked_at: null,
      })
      .execute();
  }

  async findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.database.db.selectFrom('api_key').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
    return row ? apiKeyFromRow(row) : undefined;
  }

  async listApiKeys(participantId: string | null): Promise<ApiKeyRecord[]> {
    let query = this.database.db.selectFrom('api_key').selectAll();
    query = participantId === null ? query.where('participant_id', 'is', null) : query.where('participant_id', '=', participantId);
    return (await query.orderBy('created_at').execute()).map(apiKeyFromRow);
  }

  /** Revokes the key if it belongs to `participantId` (null: the operator's); false when none matched. */
  async revokeApiKey(tx: Tx, id: string, participantId: string | null, at: string): Promise<boolean> {
    let query = tx.updateTable('api_key').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null);
    query = participantId === null ? query.where('participant_id', 'is', null) : query.where('participant_id', '=', participantId);
    return Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
  }
}

function apiKeyFromRow(r: { id: string; label: string; participant_id: string | null; roles: string; created_by: string; created_at: string; revoked_at: string | null }): ApiKeyRecord {
  return {
    id: r.id,
    label: r.label,
    participantId: r.participant_id,
    roles: JSON.parse(r.roles),
    createdBy: r.created_by,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}
