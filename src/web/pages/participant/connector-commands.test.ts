import { describe, expect, it } from 'vitest';
import { connectorCommands } from './connector-commands';

describe('the connect-your-connector commands', () => {
  it('start a connector against this operator and enroll it with the participant id and token', () => {
    const { start, enroll } = connectorCommands({ operatorUrl: 'https://op.example', participantId: 'p_1', token: 'tds_enr_x' });
    expect(start).toBe('tds connector --name my-connector --operator https://op.example --port 7071');
    expect(enroll).toContain('/api/v1/identity/enrollment');
    expect(enroll).toContain('{"participantId":"p_1","token":"tds_enr_x"}');
    expect(enroll).toContain('.tds-connector-my-connector/api-key');
  });

  it('leave a placeholder until a token is created', () => {
    expect(connectorCommands({ operatorUrl: 'https://op.example', participantId: 'p_1' }).enroll).toContain('<注册令牌 / enrollment token>');
  });
});
