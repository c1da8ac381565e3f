import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '@jhrm/contracts';
import { APPLICATION_STATUS_TONES } from '../../../components/StatusTag';
import { toItems } from './AcceptancePanel';

describe('补正 items from the reviewer’s notes', () => {
  it('keeps a note’s field or material, takes free text as it is, and drops empty rows', () => {
    expect(
      toItems([
        { key: 'field:basic.officeAddress', message: ' 请填写营业执照上的住所 ' },
        { key: 'material:工商营业执照', message: '请上传副本' },
        { message: '请补充社保缴纳证明' },
        { key: 'field:basic.name', message: '  ' },
        {},
      ]),
    ).toEqual([
      { target: 'field', key: 'basic.officeAddress', message: '请填写营业执照上的住所' },
      { target: 'material', key: '工商营业执照', message: '请上传副本' },
      { message: '请补充社保缴纳证明' },
    ]);
    expect(toItems(undefined)).toEqual([]);
  });

  it('gives every application status one tone', () => {
    expect(Object.keys(APPLICATION_STATUS_TONES).sort()).toEqual([...APPLICATION_STATUSES].sort());
    expect(APPLICATION_STATUS_TONES.不予受理).toBe('danger');
    expect(APPLICATION_STATUS_TONES.待补正).toBe('warning');
  });
});
