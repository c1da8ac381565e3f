import { describe, expect, it } from 'vitest';
import { idEndDisplay } from './id-validity';

describe('idEndDisplay', () => {
  it('adds the period to the start date', () => {
    expect(idEndDisplay('2020-01-01', '5年')).toBe('2025-01-01');
    expect(idEndDisplay('2020-01-01', '10年')).toBe('2030-01-01');
    expect(idEndDisplay('2020-01-01', '20年')).toBe('2040-01-01');
  });
  it('moves 29 February to 1 March in a year without it', () => {
    expect(idEndDisplay('2020-02-29', '5年')).toBe('2025-03-01');
  });
  it('shows 长期有效 for that period, with or without a start date', () => {
    expect(idEndDisplay('2020-01-01', '长期有效')).toBe('长期有效');
    expect(idEndDisplay(null, '长期有效')).toBe('长期有效');
  });
  it('is empty until both parts are known', () => {
    expect(idEndDisplay(null, '10年')).toBe('');
    expect(idEndDisplay('2020-01-01', null)).toBe('');
    expect(idEndDisplay('not a date', '10年')).toBe('');
  });
});
