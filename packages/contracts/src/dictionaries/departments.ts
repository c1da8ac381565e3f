/**
 * 审批部门: 省人社厅审批办 and the prefecture-level cities / 州 of Jilin, by GB/T 2260 code.
 * County-level bureaus are added to the dictionary with the approval side (admins can edit it).
 */
export const PROVINCE_DEPARTMENT = { code: '220000', name: '省人社厅审批办', level: 'province' } as const;

export const CITY_DEPARTMENTS = [
  { code: '220100', name: '长春市人力资源和社会保障局' },
  { code: '220200', name: '吉林市人力资源和社会保障局' },
  { code: '220300', name: '四平市人力资源和社会保障局' },
  { code: '220400', name: '辽源市人力资源和社会保障局' },
  { code: '220500', name: '通化市人力资源和社会保障局' },
  { code: '220600', name: '白山市人力资源和社会保障局' },
  { code: '220700', name: '松原市人力资源和社会保障局' },
  { code: '220800', name: '白城市人力资源和社会保障局' },
  { code: '222400', name: '延边朝鲜族自治州人力资源和社会保障局' },
] as const;
