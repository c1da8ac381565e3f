import { describe, expect, it } from 'vitest';
import { toInstitutionQuery } from './query-filters';

describe('查询条件 → query string', () => {
  it('sends only the conditions filled in, trimmed, codes upper-cased', () => {
    expect(
      toInstitutionQuery({ name: ' 博润 ', uscc: '', legalRep: null, legalRepIdCard: '22010219900215002x', licensed: '否', kind: undefined, other: 'x' }),
    ).toEqual({ name: '博润', legalRepIdCard: '22010219900215002X', licensed: '否' });
  });

  it('is empty after 清空', () => {
    expect(toInstitutionQuery({})).toEqual({});
    expect(toInstitutionQuery(undefined)).toEqual({});
  });
});
