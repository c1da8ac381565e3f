import { describe, expect, it } from 'vitest';
import { appealFormData } from '../api/appeal.api';
import { APPEAL_MAX_FILE_BYTES, appealFileProblem, formatFileSize } from './appeal-files';

describe('appealFileProblem', () => {
  it('accepts PDF, JPG and PNG up to 20 MB', () => {
    for (const name of ['营业执照.pdf', 'a.JPG', 'b.jpeg', 'c.png']) expect(appealFileProblem({ name, size: 1024 }, 0)).toBeNull();
    expect(appealFileProblem({ name: 'big.pdf', size: APPEAL_MAX_FILE_BYTES }, 4)).toBeNull();
  });

  it('refuses other types, files over 20 MB, empty files and a sixth file, naming the file', () => {
    expect(appealFileProblem({ name: 'x.docx', size: 10 }, 0)).toBe('文件“x.docx”格式不支持，只能上传 PDF、JPG、PNG 文件');
    expect(appealFileProblem({ name: 'noext', size: 10 }, 0)).toContain('格式不支持');
    expect(appealFileProblem({ name: 'big.pdf', size: APPEAL_MAX_FILE_BYTES + 1 }, 0)).toBe('文件“big.pdf”超过 20 MB，请压缩后再上传');
    expect(appealFileProblem({ name: 'e.png', size: 0 }, 0)).toContain('空文件');
    expect(appealFileProblem({ name: 'f.png', size: 10 }, 5)).toBe('最多上传 5 个附件');
  });
});

describe('formatFileSize', () => {
  it('shows KB below 1 MB and MB above', () => {
    expect(formatFileSize(100)).toBe('1 KB');
    expect(formatFileSize(340 * 1024)).toBe('340 KB');
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe('1.3 MB');
  });
});

describe('appealFormData', () => {
  it('carries every text field and the files', () => {
    const file = new File(['%PDF-1.4'], '说明.pdf', { type: 'application/pdf' });
    const fd = appealFormData({
      account: 'legal_e2e1',
      uscc: '92220102MA15438D0X',
      contact: '张三',
      phone: '13800138000',
      description: '忘记法人账号，申请找回账号。',
      captchaId: 'id-1',
      captcha: 'AB12',
      files: [file],
    });
    expect(fd.get('account')).toBe('legal_e2e1');
    expect(fd.get('uscc')).toBe('92220102MA15438D0X');
    expect(fd.get('contact')).toBe('张三');
    expect(fd.get('phone')).toBe('13800138000');
    expect(fd.get('description')).toBe('忘记法人账号，申请找回账号。');
    expect(fd.get('captchaId')).toBe('id-1');
    expect(fd.get('captcha')).toBe('AB12');
    const files = fd.getAll('files');
    expect(files).toHaveLength(1);
    expect((files[0] as File).name).toBe('说明.pdf');
  });
});
