import { describe, expect, it } from 'vitest';
import { cleanFileName } from './uploads';

describe('cleanFileName', () => {
  it('keeps a Chinese name as it is', () => {
    expect(cleanFileName('营业执照（副本）.pdf', 'pdf')).toBe('营业执照（副本）.pdf');
  });

  it('strips control characters, escape sequences and bidi overrides, keeping the Chinese', () => {
    expect(cleanFileName('evil\u0001\u001b[31m\u202e营业执照.pdf', 'pdf')).toBe('evil[31m营业执照.pdf');
    expect(cleanFileName('营业执照\u202efdp.exe')).toBe('营业执照fdp.exe');
    expect(cleanFileName('a\u2066b\u2069\u200b\ufeff.png')).toBe('ab.png');
    expect(cleanFileName('bad\ud800half.jpg')).toBe('badhalf.jpg');
  });

  it('keeps only the last part of a path, from Windows and Unix alike', () => {
    expect(cleanFileName('C:\\Users\\张三\\营业执照.pdf')).toBe('营业执照.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('never ends empty: 文件 with the extension of the type judged from the content', () => {
    expect(cleanFileName('\u202e\u0001', 'pdf')).toBe('文件.pdf');
    expect(cleanFileName(undefined, 'mp4')).toBe('文件.mp4');
    expect(cleanFileName('dir/..', 'png')).toBe('文件.png');
    expect(cleanFileName('   ')).toBe('文件');
  });

  it('cuts a long name to 200 characters, keeping the extension and never splitting a character', () => {
    const cut = cleanFileName(`${'吉'.repeat(300)}.pdf`);
    expect(Array.from(cut)).toHaveLength(200);
    expect(cut.endsWith('吉.pdf')).toBe(true);
    const emoji = cleanFileName('😀'.repeat(250));
    expect(Array.from(emoji)).toHaveLength(200);
    expect(emoji).not.toMatch(/\p{Cs}/u);
  });

  it('composes decomposed characters (NFC), so one name is stored one way', () => {
    expect(cleanFileName('Cafe\u0301.pdf')).toBe('Café.pdf');
  });
});
