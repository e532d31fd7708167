import { Type, type Static } from 'typebox';
import { participantStatuses, reviewActions, type ReviewAction } from '../../core/admission/participant-status.js';

/** The actions staff take through the action endpoint (resubmission is the applicant's PUT). */
const reviewerActions = reviewActions.filter((a): a is Exclude<ReviewAction, 'resubmit'> => a !== 'resubmit');
import { participantRoles } from '../../core/admission/participant-roles.js';
import { DisplayName, PersonName, Username } from '../accounts/person-name-schemas.js';

const Text = (maxLength: number, description: string) => Type.String({ maxLength, description });

const RoleEntry = Type.Union([
  Type.String({ maxLength: 40, description: 'provider | consumer | serviceProvider | regulator' }),
  Type.Object({ role: Type.String({ maxLength: 40 }), kind: Type.Optional(Type.String({ maxLength: 40 })) }),
]);

const DocumentUpload = Type.Object(
  {
    kind: Type.String({ maxLength: 40, description: 'business-licence | authorization-letter | other' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    mediaType: Type.String({ maxLength: 100, pattern: '^[a-z]+/[a-zA-Z0-9.+-]+$' }),
    content: Type.String({ minLength: 1, description: 'The file, base64 (at most 5 MiB decoded)' }),
  },
  { additionalProperties: false },
);

const applicationFields = {
  name: Text(200, 'Organisation name (单位名称)'),
  uscc: Text(40, 'Unified social credit code, GB 32100-2015 (统一社会信用代码)'),
  legalRepresentative: Type.Object(
    { name: Text(100, 'Legal representative (法定代表人)'), idNumber: Text(40, 'Resident ID number, GB 11643-1999') },
    { additionalProperties: false },
  ),
  contact: Type.Object(
    { name: PersonName('Contact person'), phone: Text(40, 'Mobile or fixed-line phone'), email: Text(254, 'Email') },
    { additionalProperties: false },
  ),
  region: Text(12, 'GB/T 2260 six-digit administrative division code'),
  industry: Type.Union([Text(10, 'GB/T 4754: section letter and division, e.g. D44'), Type.Object({ section: Text(2, 'A–T'), division: Type.Optional(Text(4, 'two digits')) })]),
  roles: Type.Array(RoleEntry, { maxItems: 8 }),
  serviceKinds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 5 })),
  documents: Type.Optional(Type.Array(DocumentUpload, { maxItems: 5 })),
};

export const ApplicationBody = Type.Object(
  {
    ...applicationFields,
    account: Type.Optional(
      Type.Object(
        {
          username: Username,
          password: Type.String({ minLength: 1, maxLength: 256 }),
          displayName: Type.Optional(DisplayName),
        },
        { additionalProperties: false, description: "The applicant's first admin user; it can log in to follow the application" },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ApplicationBody = Static<typeof ApplicationBody>;

export const ResubmissionBody = Type.Object(applicationFields, { additionalProperties: false });

const VerificationSchema = Type.Object({
  verifier: Type.String(),
  kind: Type.String(),
  outcome: Type.String(),
  checks: Type.Array(Type.Object({ rule: Type.String(), passed: Type.Boolean(), detail: Type.String() })),
  reference: Type.Optional(Type.String()),
  at: Type.String(),
});

const HistoryEntry = Type.Object({
  action: Type.String(),
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.String(),
  actor: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  evidenceHash: Type.String({ description: 'payloadHash of the ledger entry written with this change' }),
  at: Type.String(),
});

const participantFields = {
  id: Type.String(),
  status: Type.Enum(participantStatuses),
  name: Type.String(),
  uscc: Type.String(),
  legalRepresentative: Type.Object({ name: Type.String(), idNumber: Type.String({ description: 'masked' }) }),
  contact: Type.Object({ name: Type.String(), phone: Type.String({ description: 'masked' }), email: Type.String() }),
  region: Type.String(),
  industry: Type.Object({ section: Type.String(), division: Type.Union([Type.String(), Type.Null()]) }),
  roles: Type.Array(Type.Enum(participantRoles)),
  serviceKinds: Type.Array(Type.String()),
  did: Type.Union([Type.String(), Type.Null()]),
  verification: Type.Array(VerificationSchema),
  allowedActions: Type.Array(Type.String(), { description: 'Review actions the current status allows' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const ParticipantSummary = Type.Object(participantFields);
export const ParticipantDetail = Type.Object({
  ...participantFields,
  documents: Type.Array(Type.Object({ kind: Type.String(), name: Type.String(), mediaType: Type.String(), size: Type.Integer(), sha256: Type.String() })),
  history: Type.Array(HistoryEntry),
});
export const ApplicationCreated = Type.Object({
  ...ParticipantDetail.properties,
  applicantToken: Type.String({ description: 'Shown once: lets the applicant follow and resubmit its application' }),
});

export const ParticipantList = Type.Object({ items: Type.Array(ParticipantSummary), total: Type.Integer() });
export const ListQuery = Type.Object({
  status: Type.Optional(Type.Enum(participantStatuses)),
  role: Type.Optional(Type.Enum(participantRoles)),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2,6}$' })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });
export const ActionParams = Type.Object({
  id: IdParams.properties.id,
  action: Type.Enum(reviewerActions),
});
export const ActionBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
