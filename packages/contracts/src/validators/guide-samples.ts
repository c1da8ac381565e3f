/**
 * The sample values the operation guide (操作指南) prints in its screenshots. A person following
 * the guide types them, so demo data and generated (bench) data must never use them: a demo
 * institution holding the guide's USCC made the guide's own walkthrough collide with it.
 */
export const GUIDE_SAMPLE_VALUES = {
  uscc: ['92220102MA15438D0X', '932202215597513157'],
  idCard: ['110101197501010039', '110101197501010055', '110101197501010071', '110101197501010098', '110101199003074936'],
  mobile: ['13111111111', '15597513157', '17519224512'],
} as const;

/** True when `value` is one of the guide's sample codes or numbers. */
export function isGuideSampleValue(value: string): boolean {
  return Object.values(GUIDE_SAMPLE_VALUES).some((list) => (list as readonly string[]).includes(value));
}
