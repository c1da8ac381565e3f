import { describe, expect, it } from 'vitest';
import { parseRegisterParams, toRegisterParams } from './register-params';

describe('公示查询 in the address', () => {
  it('round-trips a search', () => {
    const q = { keyword: '长白山', scope: '职业介绍' as const, department: '220100', kind: '许可' as const, status: '正常' as const, page: 3, pageSize: 20 };
    const params = toRegisterParams(q);
    expect(params.toString()).toBe('keyword=%E9%95%BF%E7%99%BD%E5%B1%B1&scope=%E8%81%8C%E4%B8%9A%E4%BB%8B%E7%BB%8D&department=220100&kind=%E8%AE%B8%E5%8F%AF&status=%E6%AD%A3%E5%B8%B8&page=3&pageSize=20');
    expect(parseRegisterParams(params)).toEqual(q);
  });

  it('leaves out empty filters and defaults', () => {
    expect(toRegisterParams({ keyword: '  ', page: 1, pageSize: 15 }).toString()).toBe('');
    expect(parseRegisterParams(new URLSearchParams())).toEqual({ page: 1, pageSize: 15 });
  });

  it('drops what the server would refuse instead of sending it', () => {
    const parsed = parseRegisterParams(new URLSearchParams('scope=炒股&department=abc&kind=x&status=y&page=-2&pageSize=1000&keyword=' + '长'.repeat(150)));
    expect(parsed).toEqual({ page: 1, pageSize: 15, keyword: '长'.repeat(100) });
  });
});
