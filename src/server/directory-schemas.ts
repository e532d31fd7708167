import { Type } from 'typebox';

/**
 * The participant directory's shape, shared by the operator (which answers it) and the connector
 * (which passes it on): the response schema also drops any field not listed here.
 */
export const Directory = Type.Object({
  participants: Type.Array(Type.Object({ id: Type.String(), did: Type.String(), name: Type.String(), status: Type.String() })),
  users: Type.Array(Type.Object({ actor: Type.String({ description: 'How evidence names the user: user:<id>' }), name: Type.String() })),
});
