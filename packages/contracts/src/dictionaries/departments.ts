/**
 * 审批部门: 省人社厅审批办 and the prefecture-level cities / 州 of Jilin, by GB/T 2260 code.
 * County-level bureaus follow below; the seed loads all of them and admins can edit the table.
 */
export const PROVINCE_DEPARTMENT = { code: '220000', name: '省人社厅审批办', level: 'province' } as const;

/** The province's name as an issuer prints it: 省人社厅审批办 is the office inside it. */
export const PROVINCE_ISSUER = '吉林省人力资源和社会保障厅';

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

/** County-level bureaus (区/县/县级市) by GB/T 2260 code; the parent is the city with the same first four digits. */
const COUNTIES: Record<string, string[]> = {
  '2201': ['220102 南关区', '220103 宽城区', '220104 朝阳区', '220105 二道区', '220106 绿园区', '220112 双阳区', '220113 九台区', '220122 农安县', '220182 榆树市', '220183 德惠市', '220184 公主岭市'],
  '2202': ['220202 昌邑区', '220203 龙潭区', '220204 船营区', '220211 丰满区', '220221 永吉县', '220281 蛟河市', '220282 桦甸市', '220283 舒兰市', '220284 磐石市'],
  '2203': ['220302 铁西区', '220303 铁东区', '220322 梨树县', '220323 伊通满族自治县', '220382 双辽市'],
  '2204': ['220402 龙山区', '220403 西安区', '220421 东丰县', '220422 东辽县'],
  '2205': ['220502 东昌区', '220503 二道江区', '220521 通化县', '220523 辉南县', '220524 柳河县', '220581 梅河口市', '220582 集安市'],
  '2206': ['220602 浑江区', '220605 江源区', '220621 抚松县', '220622 靖宇县', '220623 长白朝鲜族自治县', '220681 临江市'],
  '2207': ['220702 宁江区', '220721 前郭尔罗斯蒙古族自治县', '220722 长岭县', '220723 乾安县', '220781 扶余市'],
  '2208': ['220802 洮北区', '220821 镇赉县', '220822 通榆县', '220881 洮南市', '220882 大安市'],
  '2224': ['222401 延吉市', '222402 图们市', '222403 敦化市', '222404 珲春市', '222405 龙井市', '222406 和龙市', '222424 汪清县', '222426 安图县'],
};

export const COUNTY_DEPARTMENTS: readonly { code: string; name: string; parentCode: string }[] = Object.entries(COUNTIES).flatMap(([prefix, list]) =>
  list.map((entry) => {
    const [code, place] = entry.split(' ') as [string, string];
    return { code, name: `${place}人力资源和社会保障局`, parentCode: `${prefix}00` };
  }),
);

const BUREAU = '人力资源和社会保障局';

/**
 * The issuing authority's full name, as a 许可证 / 备案凭证 prints it: 吉林省人力资源和社会保障厅
 * for the province's office, a district bureau (区) under its city's name (长春市南关区…), other
 * bureaus (cities, 县, 县级市) by their own name. A name an admin has changed is printed as set.
 */
export function issuerName(dept: { code: string; name: string }): string {
  if (dept.code === PROVINCE_DEPARTMENT.code && dept.name === PROVINCE_DEPARTMENT.name) return PROVINCE_ISSUER;
  const county = COUNTY_DEPARTMENTS.find((c) => c.code === dept.code);
  if (!county || dept.name !== county.name || !/区人力资源和社会保障局$/.test(dept.name)) return dept.name;
  const city = CITY_DEPARTMENTS.find((c) => c.code === county.parentCode);
  return city ? `${city.name.slice(0, -BUREAU.length)}${dept.name}` : dept.name;
}
