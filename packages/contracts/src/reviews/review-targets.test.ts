import { describe, expect, it } from 'vitest';
import { ZInstitutionBasic } from '../institutions/record.schema';
import { REVIEW_FIELD_TARGETS, reviewMaterialTargets, reviewTargetLabel } from './review-targets';

describe('what a review note may point at', () => {
  it('covers every field of 机构基本信息 (单位电话 once for its three inputs) and nothing else', () => {
    const basicKeys = REVIEW_FIELD_TARGETS.filter((t) => t.tab === 'basic').map((t) => t.key.slice('basic.'.length));
    const shape = Object.keys(ZInstitutionBasic.shape).filter((k) => k !== 'phoneAreaCode' && k !== 'phoneExtension');
    expect([...basicKeys].sort()).toEqual([...shape].sort());
    expect(new Set(REVIEW_FIELD_TARGETS.map((t) => t.key)).size).toBe(REVIEW_FIELD_TARGETS.length);
  });

  it('labels fields, list rows within the submitted lists and the slots of the type', () => {
    expect(reviewTargetLabel('field', 'basic.officeAddress', '设立')).toBe('办公地址');
    expect(reviewTargetLabel('field', 'staff.1', '设立', { staff: 2 }, () => '李二')).toBe('专职工作人员 第2行（李二）');
    expect(reviewTargetLabel('field', 'staff.2', '设立', { staff: 2 })).toBeNull();
    expect(reviewTargetLabel('field', 'basic.__proto__', '设立')).toBeNull();
    expect(reviewTargetLabel('material', '工商营业执照', '设立')).toBe('工商营业执照');
    expect(reviewTargetLabel('material', '场所视频光盘', '设立')).toBe('场所视频光盘');
    expect(reviewTargetLabel('material', '场所视频光盘', '注销')).toBeNull();
    expect(reviewTargetLabel('material', '工商营业执照', '注销')).toBeNull();
    expect(reviewMaterialTargets('设立')).toHaveLength(15);
  });
});
