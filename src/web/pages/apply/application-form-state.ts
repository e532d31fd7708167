import type { ApplicationInput, DocumentUpload, ParticipantRole } from '../../api/api-types';

export interface ApplicationFormState {
  name: string;
  uscc: string;
  legalName: string;
  legalIdNumber: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  region: string;
  industry: string;
  roles: ParticipantRole[];
  serviceKinds: string[];
  documents: DocumentUpload[];
  username: string;
  password: string;
}

export const emptyApplication: ApplicationFormState = {
  name: '',
  uscc: '',
  legalName: '',
  legalIdNumber: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  region: '',
  industry: '',
  roles: [],
  serviceKinds: [],
  documents: [],
  username: '',
  password: '',
};

/** Each form input and the JSON Pointer the server uses for it in `errors[].pointer`. */
export const fieldPointers = {
  name: '/name',
  uscc: '/uscc',
  legalName: '/legalRepresentative/name',
  legalIdNumber: '/legalRepresentative/idNumber',
  contactName: '/contact/name',
  contactPhone: '/contact/phone',
  contactEmail: '/contact/email',
  region: '/region',
  industry: '/industry',
  roles: '/roles',
  serviceKinds: '/serviceKinds',
  documents: '/documents',
  username: '/account/username',
  password: '/account/password',
} as const satisfies Record<keyof ApplicationFormState, string>;

export type FieldName = keyof typeof fieldPointers;

/** The request body; the account is sent only when the applicant chose a username. */
export function toApplicationInput(state: ApplicationFormState): ApplicationInput {
  return {
    name: state.name.trim(),
    uscc: state.uscc.trim(),
    legalRepresentative: { name: state.legalName.trim(), idNumber: state.legalIdNumber.trim() },
    contact: { name: state.contactName.trim(), phone: state.contactPhone.trim(), email: state.contactEmail.trim() },
    region: state.region.trim(),
    industry: state.industry.trim(),
    roles: state.roles,
    ...(state.roles.includes('serviceProvider') ? { serviceKinds: state.serviceKinds } : {}),
    ...(state.documents.length > 0 ? { documents: state.documents } : {}),
    ...(state.username.trim() ? { account: { username: state.username.trim(), password: state.password } } : {}),
  };
}
