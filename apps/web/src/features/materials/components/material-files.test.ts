import { describe, expect, it } from 'vitest';
import { MATERIAL_MAX_FILE_BYTES, extensionOf, formatFileSize, materialFileProblem, materialSelectionProblems, previewKind } from './material-files';

describe('materialFileProblem', () => {
  it('accepts PDF, JPG, JPEG and PNG up to 20 MB, whatever the case of the extension', () => {
    for (const name of ['a.pdf', 'b.JPG', 'c.jpeg', 'd.Png', '营业执照.副本.pdf']) {
      expect(materialFileProblem({ name, size: 1000 })).toBeNull();
    }
    expect(materialFileProblem({ name: 'max.pdf', size: MATERIAL_MAX_FILE_BYTES })).toBeNull();
  });

  it('refuses other types by name', () => {
    expect(materialFileProblem({ name: '章程.docx', size: 10 })).toBe('文件“章程.docx”格式不支持，只能上传 PDF、JPG、PNG 文件');
    expect(materialFileProblem({ name: 'noextension', size: 10 })).toContain('格式不支持');
    expect(materialFileProblem({ name: 'video.mp4', size: 10 })).toContain('格式不支持');
  });

  it('refuses files over 20 MB, saying how large they are', () => {
    expect(materialFileProblem({ name: 'big.pdf', size: MATERIAL_MAX_FILE_BYTES + 1 })).toBe('文件“big.pdf”超过 20 MB（20.0 MB），请压缩后再上传');
    expect(materialFileProblem({ name: 'huge.png', size: 31 * 1024 * 1024 })).toContain('（31.0 MB）');
  });

  it('refuses empty files', () => {
    expect(materialFileProblem({ name: 'empty.pdf', size: 0 })).toBe('文件“empty.pdf”是空文件，请重新选择');
  });
});

describe('materialSelectionProblems', () => {
  it('lists every problem at once', () => {
    const problems = materialSelectionProblems([
      { name: 'ok.pdf', size: 1 },
      { name: 'x.doc', size: 1 },
      { name: 'big.jpg', size: MATERIAL_MAX_FILE_BYTES * 2 },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('x.doc');
    expect(problems[1]).toContain('big.jpg');
  });

  it('limits one upload to 20 files', () => {
    const files = Array.from({ length: 21 }, (_, i) => ({ name: `${i}.pdf`, size: 1 }));
    expect(materialSelectionProblems(files)).toEqual(['每次最多上传 20 个文件，请分批上传']);
    expect(materialSelectionProblems(files.slice(0, 20))).toEqual([]);
  });
});

describe('helpers', () => {
  it('extensionOf', () => {
    expect(extensionOf('a.b.PDF')).toBe('pdf');
    expect(extensionOf('none')).toBe('');
  });

  it('formatFileSize', () => {
    expect(formatFileSize(812)).toBe('812 B');
    expect(formatFileSize(23_961)).toBe('23.4 KB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatFileSize(1.2 * 1024 ** 3)).toBe('1.20 GB');
    expect(formatFileSize(-1)).toBe('');
  });

  it('previewKind', () => {
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('image/jpeg')).toBe('image');
    expect(previewKind('application/octet-stream')).toBe('none');
  });
});
