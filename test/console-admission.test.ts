// Issue 3's admission flow through the web console, in a real browser, on SQLite and PostgreSQL:
// an organisation applies on the public form (field errors land next to their inputs, the
// applicant token is shown once), a reviewer starts the review and approves it with a reason, and
// the applicant's own account then finds its MembershipCredential on the credentials page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { anOperator, testAdminToken, type OperatorFixture } from './support/operator-fixture.js';
import { databaseKinds } from './support/test-databases.js';
import { reviewScreenshot, useBrowser } from './support/browser.js';

const reviewer = { username: 'review-wang', displayName: '王审核', password: 'reviewer-password-2026', roles: ['reviewer'] };
const applicant = { username: 'power-admin', password: 'applicant-password-2026' };
const organisation = '省电力公司';

async function logIn(page: Page, base: string, user: { username: string; password: string }) {
  await page.goto(`${base}/`);
  await page.locator('#login-username').fill(user.username);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
}

/** Runs one review action from the detail page's action bar through its confirmation dialog. */
async function act(page: Page, action: string, reason?: string) {
  await page.locator(`button[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (reason) await dialog.locator('#action-reason').fill(reason);
  await dialog.locator('button[type=submit]').click();
  await dialog.waitFor({ state: 'hidden' });
}

describe.each(databaseKinds)('admission through the console on %s', (kind) => {
  const browser = useBrowser();
  let operator: OperatorFixture;
  let base: string;

  beforeAll(async () => {
    operator = await anOperator(kind);
    const created = await operator.node.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${testAdminToken}` },
      payload: reviewer,
    });
    expect(created.statusCode, created.body).toBe(201);
    base = await operator.node.app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await operator?.close();
  });

  it('applies, is reviewed and approved, and sees its membership credential', async () => {
    // 1. The organisation applies on the public form, first with a wrong ID check character.
    const form = await browser.page();
    await form.goto(`${base}/apply`);
    await form.getByRole('heading', { name: '申请入驻' }).waitFor();
    await form.locator('#name').fill(organisation);
    await form.locator('#uscc').fill('91350200776049653A');
    await form.locator('#region').fill('350200');
    await form.locator('#industry').fill('D44');
    await form.locator('#legalName').fill('张三');
    await form.locator('#legalIdNumber').fill('110105194912310021');
    await form.locator('#contactName').fill('李四');
    await form.locator('#contactPhone').fill('13812345678');
    await form.locator('#contactEmail').fill('li@example.cn');
    await form.locator('input[name=roles][value=provider]').check();
    await form.locator('input[name=roles][value=consumer]').check();
    await form.locator('#documents').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 营业执照') });
    await form.locator('#username').fill(applicant.username);
    await form.locator('#password').fill(applicant.password);
    await form.getByRole('button', { name: '提交申请' }).click();

    // The server's field error appears next to the ID number input, not only in the banner.
    await form.locator('#legalIdNumber-error').waitFor();
    await expect(form.locator('#legalIdNumber').getAttribute('aria-invalid')).resolves.toBe('true');
    await reviewScreenshot(form, `apply field errors ${kind}`);

    await form.locator('#legalIdNumber').fill('11010519491231002X');
    await form.getByRole('button', { name: '提交申请' }).click();
    await form.getByText('请立即妥善保存申请令牌').waitFor();
    await expect(form.getByTestId('applicant-token').inputValue()).resolves.toMatch(/^tds_app_/);
    const applicationId = (await form.getByTestId('application-id').textContent()) ?? '';
    expect(applicationId).toMatch(/^p_/);
    await reviewScreenshot(form, `apply token ${kind}`);

    // 2. A reviewer finds it in the list, starts the review and approves it with a reason.
    const review = await browser.page();
    await logIn(review, base, reviewer);
    await expect.poll(() => new URL(review.url()).pathname).toBe('/review');
    const row = review.locator(`tr[data-participant="${applicationId}"]`);
    await row.getByText('待审核').waitFor();
    await reviewScreenshot(review, `review list ${kind}`);
    await row.getByRole('link', { name: organisation }).click();
    await expect.poll(() => new URL(review.url()).pathname).toBe(`/review/${applicationId}`);
    // Personal data is masked, documents are listed with their hash.
    await review.getByText('110105********002X').waitFor();
    await review.getByText('138****5678').waitFor();
    await review.getByText('licence.pdf').waitFor();

    await act(review, 'start-review');
    await review.locator('.page-title').getByText('审核中').waitFor();
    await review.getByText('resident-id.well-formed').waitFor();
    // The built-in checks are called rule checks, not 公安 verification; the birth date stays masked
    // as it is in the ID number (1949-12-31 is digits 7–14 of 11010519491231002X).
    await review.locator('[data-verifier="rules:resident-id"]').getByText('身份证号规则校验').waitFor();
    await review.getByText('未向登记机关或公安机关联网核验', { exact: false }).first().waitFor();
    await review.locator('[data-verifier="rules:resident-id"]').getByText('born ****-**-**', { exact: false }).waitFor();
    expect(await review.locator('body').textContent()).not.toMatch(/1949-?12-?31/);
    await expect(review.getByText('公安身份核验').count()).resolves.toBe(0);

    // Reject needs a reason: the dialog refuses to send it empty.
    await review.locator('button[data-action="reject"]').click();
    await review.getByRole('dialog').locator('button[type=submit]').click();
    await review.getByRole('dialog').getByText('请填写原因').waitFor();
    await review.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await review.getByRole('dialog').waitFor({ state: 'hidden' });

    await act(review, 'approve', '材料齐全，核验通过，同意入驻。');
    await review.locator('.page-title').getByText('已通过').waitFor();
    await review.getByText('材料齐全，核验通过，同意入驻。').waitFor();
    // The history names the reviewer, not the account id.
    await review.locator('.timeline').getByText('王审核').first().waitFor();
    await reviewScreenshot(review, `review detail approved ${kind}`);

    // 3. The applicant logs in with the account from its application and sees its credential.
    const member = await browser.page();
    await logIn(member, base, applicant);
    await member.getByRole('link', { name: '凭证' }).click();
    const credential = member.locator('[data-credential-type="MembershipCredential"]');
    await credential.waitFor();
    await credential.getByText('有效').waitFor();
    await credential.getByText('查看解码内容').click();
    await expect(credential.getByLabel('JWT payload').textContent()).resolves.toContain('MembershipCredential');
    await reviewScreenshot(member, `credentials ${kind}`);

    await member.getByRole('link', { name: '我的主体' }).click();
    await member.getByText('did:web:', { exact: false }).first().waitFor();
    // Admitted: how to connect its connector, with a one-time enrollment token for its admin.
    const connect = member.getByTestId('connect-connector');
    await connect.getByText('接入连接器').waitFor();
    await connect.getByText(`tds connector --name my-connector --operator ${base}`, { exact: false }).waitFor();
    await connect.locator('button[data-action="create-enrollment-token"]').click();
    const token = (await connect.getByTestId('enrollment-token').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(10);
    await connect.getByText(`"participantId":"${applicationId}","token":"${token}"`, { exact: false }).waitFor();
    await reviewScreenshot(member, `connect connector ${kind}`);
  });
});
