import { createTestContext } from './test/harness';
const ctx = await createTestContext();
const spec = ctx.app.swagger() as any;
for (const [p, ops] of Object.entries<any>(spec.paths)) for (const [m, op] of Object.entries<any>(ops)) {
  console.log(m.toUpperCase(), p, JSON.stringify((op.parameters ?? []).map((x: any) => `${x.in}:${x.name}`)), op.requestBody ? Object.keys(op.requestBody.content).join(',') + ' ' + JSON.stringify(op.requestBody.content['application/json']?.schema).slice(0, 300) : '');
}
await ctx.close();
