import { describe, expect, it } from 'vitest';
import { hasForbiddenText } from './text';

describe('hasForbiddenText', () => {
  it('accepts Chinese, emoji (paired surrogates), and tab and line breaks in multi-line text', () => {
    for (const ok of ['吉林省博润人力资源有限公司', '经营范围：人力资源服务\r\n职业介绍\t劳务派遣', '👍 满意', 'Zhang-San_01 (2026)', '']) {
      expect(hasForbiddenText(ok), JSON.stringify(ok)).toBe(false);
    }
  });

  it('refuses NUL, other C0 controls, DEL and C1 controls', () => {
    for (const bad of ['a\u0000b', 'evil\u001b[31m', '\u0001', 'a\u007fb', 'a\u0085b', '\u009b']) {
      expect(hasForbiddenText(bad), JSON.stringify(bad)).toBe(true);
    }
  });

  it('refuses lone surrogates but not a pair', () => {
    expect(hasForbiddenText('a\ud800b')).toBe(true);
    expect(hasForbiddenText('\udc00')).toBe(true);
    expect(hasForbiddenText('\ud83d\ude00')).toBe(false);
  });

  it('refuses exactly the characters of the Cc and Bidi_Control properties but TAB, LF and CR, over the whole BMP', () => {
    const spec = /(?![\t\n\r])[\p{Cc}\p{Bidi_Control}]/u;
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (hasForbiddenText(`x${ch}y`) !== spec.test(ch)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('refuses every bidirectional control: embeddings, overrides, isolates and marks', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      expect(hasForbiddenText(`营业执照${String.fromCodePoint(cp)}fdp.exe`), cp.toString(16)).toBe(true);
    }
  });
});
