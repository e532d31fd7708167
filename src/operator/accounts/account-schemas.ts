import { Type } from 'typebox';
import { DisplayName, Username } from './person-name-schemas.js';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6,8}$' })),
  },
  { additionalProperties: false },
);

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  kind: Type.Union([Type.Literal('operator'), Type.Literal('participant')]),
  roles: Type.Array(Type.String()),
  participantId: Type.Union([Type.String(), Type.Null()]),
  participantRoles: Type.Array(Type.String(), { description: "The participant's own roles (provider, regulator…)" }),
  totpEnabled: Type.Boolean(),
});

export const LoginResponse = Type.Object({ token: Type.String({ description: 'Session token; send as Bearer' }), expiresAt: Type.String(), user: UserView });
export const MeResponse = Type.Object({ user: Type.Union([UserView, Type.Null()]), grants: Type.Array(Type.String()), actor: Type.String() });

export const TotpSetupResponse = Type.Object({ secret: Type.String({ description: 'Base32; shown once' }), otpauthUri: Type.String() });
export const TotpConfirmBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6,8}$' }) }, { additionalProperties: false });

export const NewUserBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    password: Type.String({ minLength: 1, maxLength: 256 }),
    roles: Type.Array(Type.String({ maxLength: 20 }), { minItems: 1, maxItems: 3 }),
  },
  { additionalProperties: false },
);
export const UserList = Type.Object({ items: Type.Array(UserView) });

export const NewApiKeyBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 100 }),
    roles: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { minItems: 1, maxItems: 3, description: 'Defaults to auditor (operator) or member (participant)' })),
  },
  { additionalProperties: false },
);
export const ApiKeyView = Type.Object({ id: Type.String(), label: Type.String(), roles: Type.Array(Type.String()), createdBy: Type.String(), createdAt: Type.String(), revokedAt: Type.Union([Type.String(), Type.Null()]) });
export const ApiKeyCreated = Type.Object({ ...ApiKeyView.properties, key: Type.String({ description: 'Shown once' }) });
export const ApiKeyList = Type.Object({ items: Type.Array(ApiKeyView) });
export const KeyIdParams = Type.Object({ id: Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });
