// The operator's participant directory (src/operator/registry/directory-routes.ts), which a
// connector passes through unchanged: names behind the identifiers consoles show.

export interface DirectoryParticipant {
  id: string;
  did: string;
  name: string;
  status: string;
}

export interface Directory {
  participants: DirectoryParticipant[];
  /** The operator's staff, as evidence names them (`user:<id>`). */
  users: { actor: string; name: string }[];
}
