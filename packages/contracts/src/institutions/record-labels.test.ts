import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_FIELD_ENTRIES, RECORD_LISTS } from './record.catalogue';

/**
 * The catalogue is the one place that lists the record's fields (decision 0020): no other source
 * file of apps/ or packages/ (tests aside) spells a record label as a string of its own.
 */

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const CATALOGUE = 'packages/contracts/src/institutions/record.catalogue.ts';

/** Labels that are also the words for something else: a person's or a unit's own data (accounts, register, licences, reviewers). */
const SHARED_WORDS = new Set(['机构名称', '统一社会信用代码', '审批部门', '手机号码', '身份证号', '姓名', '单位']);

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'test') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const FILES = [...sources(path.join(ROOT, 'apps')), ...sources(path.join(ROOT, 'packages'))].map((file) => ({
  file: path.relative(ROOT, file).split(path.sep).join('/'),
  text: readFileSync(file, 'utf8'),
}));

const LABELS = [...new Set([...RECORD_FIELD_ENTRIES.map((e) => e.field.label), ...Object.values(RECORD_LISTS).flatMap((c) => Object.values(c).map((f) => f.label))])];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** the label as a whole string: quoted, or the text of a JSX element */
const spelled = (label: string) => new RegExp(`(['"\`>])${escape(label)}(['"\`<])`);
const filesSpelling = (label: string) => FILES.filter((f) => spelled(label).test(f.text)).map((f) => f.file);

describe('record labels live in the field catalogue only', () => {
  it('scans the sources it means to', () => {
    const names = FILES.map((f) => f.file);
    expect(names).toContain(CATALOGUE);
    expect(names).toContain('apps/web/src/components/record/RecordView.tsx');
    expect(names).toContain('apps/server/src/modules/documents/documents.service.ts');
    expect(names.some((n) => n.endsWith('.test.ts'))).toBe(false);
    // the pattern finds a label where a list would write it
    expect(spelled('注册资金(万元)').test(`{ label: '注册资金(万元)', value: 1 }`)).toBe(true);
    expect(spelled('注册资金(万元)').test(`<Form.Item label="注册资金(万元)">`)).toBe(true);
    expect(spelled('办公地址').test(`<h2>办公地址</h2>`)).toBe(true);
    expect(spelled('办公地址').test(`'请填写办公地址'`)).toBe(false);
  });

  it.each(LABELS.filter((l) => !SHARED_WORDS.has(l)))('%s appears in one source file', (label) => {
    expect(filesSpelling(label)).toEqual([CATALOGUE]);
  });
});
