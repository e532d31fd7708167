/**
 * The commands a newly admitted participant runs to connect its connector, filled in with what
 * the console knows: the operator's address, the participant id and, once created, the token.
 */
export function connectorCommands(input: { operatorUrl: string; participantId: string; token?: string }) {
  const name = 'my-connector';
  const start = `tds connector --name ${name} --operator ${input.operatorUrl} --port 7071`;
  const body = JSON.stringify({ participantId: input.participantId, token: input.token ?? '<注册令牌 / enrollment token>' });
  const enroll = [
    'curl -X POST http://127.0.0.1:7071/api/v1/identity/enrollment \\',
    `  -H "authorization: Bearer $(cat .tds-connector-${name}/api-key)" \\`,
    "  -H 'content-type: application/json' \\",
    `  -d '${body}'`,
  ].join('\n');
  return { start, enroll };
}
