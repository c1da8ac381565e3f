import { describe, expect, it } from 'vitest';
import { LICENCE_STATUS_TONE } from '../../../components/licence-status';
import { chineseDayOf, renewalOffer, verificationVerdict } from './licence-status';

describe('licence status', () => {
  it('prints the Beijing day of a timestamp (late evening UTC is the next day in Jilin)', () => {
    expect(chineseDayOf('2026-03-01T17:30:00.000Z')).toBe('2026年3月2日');
    expect(chineseDayOf('2026-03-01T15:59:00.000Z')).toBe('2026年3月1日');
    expect(chineseDayOf('x')).toBe('');
    expect(chineseDayOf(null)).toBe('');
  });

  it('says 有效 in green, 已换发 in orange with the number in force, 已注销 and 已撤销 in red', () => {
    expect(verificationVerdict({ kind: '许可', status: '有效', supersededByNumber: null, endedAt: null })).toEqual({
      tone: 'success',
      headline: '有效',
      detail: '该人力资源服务许可证真实有效。',
    });
    const replaced = verificationVerdict({ kind: '许可', status: '已换发', supersededByNumber: '（吉）人服证字〔2027〕第2200000007号', endedAt: '2027-03-02T02:00:00.000Z' });
    expect(replaced.tone).toBe('warning');
    expect(replaced.headline).toBe('已换发（现行编号 （吉）人服证字〔2027〕第2200000007号）');
    expect(replaced.detail).toBe('该人力资源服务许可证已于2027年3月2日因机构信息变更换发，原证不再有效，请以现行编号为准。');
    const voided = verificationVerdict({ kind: '备案', status: '已注销', supersededByNumber: null, endedAt: '2027-05-01T00:00:00.000Z' });
    expect(voided).toEqual({ tone: 'danger', headline: '已注销', detail: '该人力资源服务备案凭证已于2027年5月1日注销，不再有效。' });
    expect(LICENCE_STATUS_TONE).toEqual({ 有效: 'success', 已换发: 'warning', 已注销: 'danger', 已撤销: 'danger', 已过期: 'danger', 已补发: 'warning' });
  });

  it('says 已过期 with 有效期至, 已补发 for a superseded printout, and the 补发 date of a valid one (decision 0047)', () => {
    const base = { kind: '许可' as const, supersededByNumber: null, endedAt: null };
    expect(verificationVerdict({ ...base, status: '已过期', validUntil: '2027-03-01' })).toEqual({
      tone: 'danger',
      headline: '已过期',
      detail: '该人力资源服务许可证有效期至2027年3月1日，已过期，不再有效。',
    });
    expect(verificationVerdict({ ...base, status: '已补发', reissuedOn: '2026-11-26' })).toMatchObject({ tone: 'warning', headline: '已补发，以最新补发证件为准' });
    expect(verificationVerdict({ ...base, status: '有效', reissuedOn: '2026-11-26' }).detail).toBe('该人力资源服务许可证真实有效。本证已于2026年11月26日补发。');
  });

  it('offers 许可证延续 for a licence in force with a validity, open only within its last 90 days and not after it', () => {
    const l = { number: '吉人服证字〔2024〕第220000001号', status: '有效' as const, validUntil: '2027-03-01' };
    expect(renewalOffer({ ...l, validUntil: null }, '2027-01-01')).toBeNull();
    expect(renewalOffer({ ...l, status: '已注销' }, '2027-01-01')).toBeNull();
    // 91 days before 有效期至, then 90
    expect(renewalOffer(l, '2026-11-30')).toEqual({ blocked: `证书${l.number}有效期至2027-03-01，到期前90日内才能申请延续` });
    expect(renewalOffer(l, '2026-12-01')).toEqual({ blocked: null });
    expect(renewalOffer(l, '2027-03-01')).toEqual({ blocked: null });
    expect(renewalOffer(l, '2027-03-02')?.blocked).toContain('已于2027-03-01过期，不能再申请延续');
  });
});
