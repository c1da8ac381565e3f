import { describe, expect, it } from 'vitest';
import { issuerName } from './departments';

describe('issuerName', () => {
  it('prints the province office as the department it belongs to', () => {
    expect(issuerName({ code: '220000', name: '省人社厅审批办' })).toBe('吉林省人力资源和社会保障厅');
  });
  it('puts a district bureau under its city, and leaves cities, 县 and 县级市 as they are', () => {
    expect(issuerName({ code: '220102', name: '南关区人力资源和社会保障局' })).toBe('长春市南关区人力资源和社会保障局');
    expect(issuerName({ code: '222401', name: '延吉市人力资源和社会保障局' })).toBe('延吉市人力资源和社会保障局');
    expect(issuerName({ code: '220122', name: '农安县人力资源和社会保障局' })).toBe('农安县人力资源和社会保障局');
    expect(issuerName({ code: '220100', name: '长春市人力资源和社会保障局' })).toBe('长春市人力资源和社会保障局');
  });
  it('prints a name an admin has changed as set', () => {
    expect(issuerName({ code: '220000', name: '吉林省人力资源和社会保障厅行政审批处' })).toBe('吉林省人力资源和社会保障厅行政审批处');
    expect(issuerName({ code: '220102', name: '长春市南关区人社局' })).toBe('长春市南关区人社局');
  });
});
