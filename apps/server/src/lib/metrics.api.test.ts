import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { MATERIAL_SLOTS } from '@jhrm/contracts';
import { createTestContext, TEST_ENGINE, type TestContext } from '../test/harness';
import { createDemoApplication } from '../test/fixtures';
import { multipart, SAMPLE } from '../test/multipart';

let ctx: TestContext;
let scrape: () => Promise<{ status: number; text: string }>;
let closeMetrics: () => Promise<void>;
beforeAll(async () => {
  ctx = await createTestContext();
  // served the way server.ts serves it when METRICS_PORT is set: a port of its own
  const served = await ctx.deps.metrics.serve({ port: 0, host: '127.0.0.1' });
  closeMetrics = served.close;
  scrape = async () => {
    const res = await fetch(`http://127.0.0.1:${served.port}/metrics`);
    return { status: res.status, text: await res.text() };
  };
});
afterAll(async () => {
  await closeMetrics?.();
  await ctx?.close();
});

/** The value of one sample line (`name{labels} value`), or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Prometheus metrics', () => {
  it('count each request under its route pattern, never the raw URL', async () => {
    const c = ctx.client();
    const before = sample((await scrape()).text, 'jhrm_http_request_duration_seconds_count{method="GET",route="/api/health",status="2xx"}') ?? 0;
    for (let i = 0; i < 3; i++) expect((await c.get('/api/health')).statusCode).toBe(200);
    // two different ids, one series; a 401 counted under its class
    await c.get('/api/applications/00000000-0000-4000-8000-000000000001');
    await c.get('/api/applications/00000000-0000-4000-8000-000000000002');
    const { status, text } = await scrape();
    expect(status).toBe(200);
    expect(sample(text, 'jhrm_http_request_duration_seconds_count{method="GET",route="/api/health",status="2xx"}')).toBe(before + 3);
    expect(sample(text, 'jhrm_http_request_duration_seconds_count{method="GET",route="/api/applications/:id",status="4xx"}')).toBe(2);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000001');
    // the process's own figures come with them
    expect(text).toMatch(/^jhrm_process_resident_memory_bytes \d+/m);
  });

  it('count the bytes of an uploaded material', async () => {
    const agent = ctx.client();
    await agent.login('demo_agent');
    const { application: app } = await createDemoApplication(ctx);
    const before = sample((await scrape()).text, 'jhrm_upload_bytes_total') ?? 0;
    const slot = MATERIAL_SLOTS['设立'][0]!.name;
    const body = multipart([{ name: 'files', filename: `${slot}.pdf`, content: SAMPLE.pdf, type: 'application/pdf' }]);
    const res = await agent.request('POST', `/api/applications/${app.id}/materials/${encodeURIComponent(slot)}`, body.payload, { 'content-type': body.contentType });
    expect(res.statusCode, res.body).toBe(200);
    expect(sample((await scrape()).text, 'jhrm_upload_bytes_total')).toBe(before + SAMPLE.pdf.length);
  });

  it("show the PostgreSQL pool's use, and nothing for PGlite's single connection", async () => {
    // scraped while a transaction holds a connection, until the scrape is done
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const busy = ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
      holding();
      await released;
    });
    await held;
    const { text } = await scrape();
    release();
    await busy;
    if (TEST_ENGINE === 'postgres') {
      expect(sample(text, 'jhrm_db_pool_connections{state="max"}')).toBeGreaterThan(0);
      expect(sample(text, 'jhrm_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'jhrm_db_pool_connections{state="total"}')! - sample(text, 'jhrm_db_pool_connections{state="idle"}')!).toBeGreaterThanOrEqual(1);
    } else {
      expect(sample(text, 'jhrm_db_pool_connections{state="max"}')).toBeUndefined();
    }
  });

  it('count job runs and failures', async () => {
    const m = ctx.deps.metrics;
    await m.countRun('session-purge', async () => 1);
    await expect(m.countRun('session-purge', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    const { text } = await scrape();
    expect(sample(text, 'jhrm_job_runs_total{job="session-purge",outcome="ok"}')).toBe(1);
    expect(sample(text, 'jhrm_job_runs_total{job="session-purge",outcome="failed"}')).toBe(1);
  });

  it("show the job queue's waiting and failed jobs per queue", async () => {
    await ctx.database.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await ctx.deps.jobs.send(tx, 'sms', { phoneEnc: ctx.deps.pii.encrypt('13900000009'), text: `第${i}条` });
    });
    let text = (await scrape()).text;
    expect(sample(text, 'jhrm_job_queue_jobs{queue="sms",state="waiting"}')).toBe(3);
    expect(await ctx.runJobs('sms')).toBe(3);
    text = (await scrape()).text;
    expect(sample(text, 'jhrm_job_queue_jobs{queue="sms",state="waiting"}')).toBe(0);
  });

  it('are never served on the public port, and the metrics port serves nothing else', async () => {
    const c = ctx.client();
    for (const url of ['/metrics', '/api/metrics']) {
      const res = await c.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('jhrm_http_request_duration_seconds');
    }
    const served = await ctx.deps.metrics.serve({ port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(`http://127.0.0.1:${served.port}/api/health`)).status).toBe(404);
    } finally {
      await served.close();
    }
  });
});
