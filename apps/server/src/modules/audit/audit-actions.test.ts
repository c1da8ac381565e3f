import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, SETTING_KEYS, isAuditAction } from '@jhrm/contracts';

/**
 * The catalogue cannot drift: every code-shaped string (`group.name`, lower case, dotted) in the
 * server's sources is an audit code with a Chinese name in AUDIT_ACTION_NAMES, unless it is one of
 * the other dotted things named below. The writer's `TAuditAction` already refuses an unnamed code
 * passed to it; this scan also catches one that reaches the log another way (a cast, a widened type).
 */
const SRC = join(import.meta.dirname, '../..');
const CODE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Dotted strings in the sources that are not audit codes, each with what it is. */
const NOT_AUDIT_CODES: Record<string, string> = {
  'application.decision': 'notification kind (消息中心)',
  'application.acceptance': 'notification kind (消息中心): 受理 / 不予受理 / 补正',
  'review.deadline': 'notification kind (消息中心): 办理期限 reminders',
  'inspection.deadline': 'notification kind (消息中心): 核查期限 / 整改期限 reminders',
  'statistics.reminder': 'notification kind (消息中心): 业务基本情况 reminders before the filing deadline',
  'statistics.urge': 'notification kind (消息中心): 催报',
  'licence.expiry': 'notification kind (消息中心): 有效期至 reminders',
  'inspection.closed': 'notification kind (消息中心): a 核查 closed (属实 / 整改完成)',
  'inspection.rectification': 'notification kind (消息中心): 限期整改',
  'inspection.spot_check': 'notification kind (消息中心): a 抽查 plan drew institutions of the department',
  'basic.uscc': 'record field path of a submission problem',
  'excluded.source': 'SQL: the row an upsert would have inserted',
};
/** file names: a dotted string ending in one of these is a file, not a code */
const FILE_NAME = /\.(html|json|conf|log|sock|tar|dump|ndb|pdf|xlsx|csv|docx|png|jpe?g|mp4|txt|js|ts|css)$/;
/** the demo records' example domain names */
const DOMAIN = /\.(cn|com)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === 'test' ? [] : sourceFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every string literal (not comments) of a TypeScript source that looks like a code. */
function codeLiterals(fileName: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && CODE.test(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}

const isOtherDotted = (s: string) => s in NOT_AUDIT_CODES || (SETTING_KEYS as readonly string[]).includes(s) || FILE_NAME.test(s) || DOMAIN.test(s);

describe('AUDIT_ACTION_NAMES covers every audit code the server writes', () => {
  const files = sourceFiles(SRC);
  const codes = new Map<string, string>();
  for (const f of files) for (const c of codeLiterals(f, readFileSync(f, 'utf8'))) if (!isOtherDotted(c)) codes.set(c, relative(SRC, f));

  it('finds the codes where the writers are (the scan itself works)', () => {
    expect(files.length).toBeGreaterThan(50);
    // one from each way of writing: a direct record(), a service's helper, fire()'s table, a staff-read declaration
    for (const c of ['auth.login', 'reviewer.created', 'application.approved', 'application.viewed', 'audit.searched', 'account.password_reset_by_appeal']) {
      expect(codes.has(c), c).toBe(true);
    }
    expect(codeLiterals('x.ts', "// 'nope.comment'\nconst a = { action: 'new.thing' }; const b = `tmpl.${1}`;")).toEqual(['new.thing']);
  });

  it('has a Chinese name for each of them', () => {
    const missing = [...codes].filter(([c]) => !isAuditAction(c)).map(([c, file]) => `${c} (${file})`);
    expect(missing, 'add these to AUDIT_ACTION_NAMES (packages/contracts/src/admin/audit-catalogue.ts), or to NOT_AUDIT_CODES here if they are not audit codes').toEqual([]);
  });

  it('names in Chinese, one name per action', () => {
    for (const [code, name] of Object.entries(AUDIT_ACTION_NAMES)) {
      expect(name, code).toMatch(/[\u4e00-\u9fff]/);
      expect(name, code).not.toContain(code);
    }
    const names = Object.values(AUDIT_ACTION_NAMES);
    expect(new Set(names).size).toBe(names.length);
  });
});
