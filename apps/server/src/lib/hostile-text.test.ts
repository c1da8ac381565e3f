import { describe, expect, it } from 'vitest';
import { decodeUrlComponent, findHostileText, findHostileUrl } from './hostile-text';

describe('decodeUrlComponent', () => {
  it('decodes UTF-8 percent escapes, and + as a space in query strings only', () => {
    expect(decodeUrlComponent('%E5%90%89%E6%9E%97+a', true)).toBe('吉林 a');
    expect(decodeUrlComponent('a+b', false)).toBe('a+b');
    expect(decodeUrlComponent('plain-text_1.2', false)).toBe('plain-text_1.2');
  });

  it('refuses broken escapes and bytes that are not UTF-8 (overlong forms, encoded surrogates, stray bytes)', () => {
    for (const raw of ['%ZZ', '%E0%A4%A', '%', '%C0%80', '%ED%A0%80', '%FF', '%E5%90']) {
      expect(decodeUrlComponent(raw, true), raw).toBeNull();
    }
  });

  it('reads raw bytes the HTTP parser handed over as latin1 as UTF-8', () => {
    expect(decodeUrlComponent(Buffer.from('吉林', 'utf8').toString('latin1'), false)).toBe('吉林');
  });
});

describe('findHostileUrl', () => {
  it('finds nothing in an ordinary URL with Chinese in the path and the query string', () => {
    expect(findHostileUrl('/api/public/register?keyword=%E5%8D%9A%E6%B6%A6&page=1', '/api/public/register')).toEqual([]);
  });

  it('names the path parameter from the route pattern, and the query parameter by its name', () => {
    const found = findHostileUrl('/api/applications/a%00b/materials/%E2%80%AE?name=x%1B&ok=1', '/api/applications/:id/materials/:slot');
    expect(found.map((f) => f.path)).toEqual(['id', 'slot', 'name']);
    expect(found[0]!.message).toContain('不允许的字符');
  });

  it('names a wildcard segment `*`, a hostile parameter name `query`, and an unroutable path `url`', () => {
    expect(findHostileUrl('/api/docs/static/a/%00', '/api/docs/static/*').map((f) => f.path)).toEqual(['*']);
    expect(findHostileUrl('/api/x?%00=1', '/api/x').map((f) => f.path)).toEqual(['query']);
    expect(findHostileUrl('/api/%C0%80', undefined).map((f) => f.path)).toEqual(['url']);
  });
});

describe('findHostileText', () => {
  it('finds hostile values at any depth with the dotted path a form field uses, and hostile keys without echoing them', () => {
    const found = findHostileText({ basic: { name: '博润\u202e', ok: '吉林' }, staff: [{ phone: '1\u0000' }], ['k\u0000']: 1, note: 'a\ud800' });
    expect(found).toHaveLength(4);
    expect(found).toEqual(
      expect.arrayContaining([
        { path: 'basic.name', message: expect.stringContaining('不允许的字符') },
        { path: 'staff.0.phone', message: expect.stringContaining('不允许的字符') },
        { path: '', message: '字段名包含不允许的字符' },
        { path: 'note', message: expect.stringContaining('不允许的字符') },
      ]),
    );
  });

  it('keeps tab and line breaks in multi-line text, numbers and booleans alone', () => {
    expect(findHostileText({ scope: '职业介绍\r\n劳务派遣\t', n: 1, b: true, nil: null })).toEqual([]);
  });

  it('walks a body nested deeper than the call stack without overflowing, and reports at most 20 places', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findHostileText(deep)).toHaveLength(1);
    expect(findHostileText(Array.from({ length: 100 }, () => '\u0000'))).toHaveLength(20);
  });
});
