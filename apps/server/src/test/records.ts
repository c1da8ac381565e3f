import { eq } from 'drizzle-orm';
import { EDUCATION_LEVELS, idCardBirthDate } from '@jhrm/contracts';
import { institutionRecords, recordFacilities, recordServiceFees, recordStaff } from '../modules/institutions/institutions.table';
import type { TestContext } from './harness';

/** An ID number with a valid check digit (GB 11643-1999) for a birth date and sequence. */
export function idCardFor(birth: string, seq: number): string {
  const body = `220102${birth.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

/**
 * Fills an application's record the way 保存 would (all six sections, personal data encrypted),
 * with `staff` 专职工作人员 cycling through the education levels.
 */
export async function fillRecord(ctx: TestContext, recordId: string, opts: { name: string; staff?: number; badRecords?: string | null }) {
  const { db } = ctx.database;
  const pii = ctx.deps.pii;
  await db
    .update(institutionRecords)
    .set({
      name: opts.name,
      shortName: '博润人才',
      category: '民营性质的服务企业',
      foundedOn: '2019-03-18',
      legalRep: '王博润',
      legalRepIdCardEnc: pii.encrypt('110101197501010039'),
      legalRepPhoneEnc: pii.encrypt('13144440001'),
      legalRepTitle: '执行董事',
      registeredCapital: 500,
      department: '220000',
      scopes: ['职业介绍', '人力资源培训', '人力资源管理咨询'],
      websiteName: '博润人才网',
      websiteDomain: 'borun.example.cn',
      staffCount: 25,
      qualifiedCount: 6,
      internalDepartments: '综合部,招聘部,培训部',
      branches: '',
      licenceDelivery: '电子证照',
      contactPerson: '李经办',
      contactMobileEnc: pii.encrypt('13144440002'),
      phoneAreaCode: '0431',
      phoneNumber: '88886666',
      phoneExtension: '801',
      byPost: false,
      officeAddress: '吉林省长春市朝阳区人民大街1000号博润大厦12层',
      postcode: '130021',
      email: 'hr@borun.example.cn',
      premisesArea: 320.5,
      facilitiesValue: 48,
      totalAssets: 860,
      netAssets: 620,
      ownedOfficeArea: 0,
      rentedOfficeArea: 320.5,
      officeAreaTotal: 320.5,
      officeCount: 1,
      companyProfile: '本公司成立于2019年，主要从事职业介绍、人力资源培训与管理咨询。'.repeat(40),
      reason: '为规范开展职业中介活动，特申请人力资源服务许可。',
      annualIncome: 1234567.89,
      badRecords: opts.badRecords === undefined ? '无' : opts.badRecords,
    })
    .where(eq(institutionRecords.id, recordId));
  const n = opts.staff ?? 0;
  if (n) {
    await db.insert(recordStaff).values(
      Array.from({ length: n }, (_, i) => {
        const idCard = idCardFor(`1990-01-${String((i % 28) + 1).padStart(2, '0')}`, i + 1);
        return {
          recordId,
          position: i,
          name: `员工${i + 1}号`,
          idType: '居民身份证',
          idCardEnc: pii.encrypt(idCard),
          idCardIdx: pii.blindIndex(idCard),
          gender: i % 2 ? '女' : '男',
          birthDate: idCardBirthDate(idCard),
          politicalStatus: '群众',
          ethnicity: i % 3 ? '汉族' : '朝鲜族',
          qualificationLevel: i % 4 === 0 ? '三级' : null,
          qualificationCertNo: i % 4 === 0 ? `HR2024${String(i).padStart(5, '0')}` : null,
          education: EDUCATION_LEVELS[i % EDUCATION_LEVELS.length]!,
          graduatedOn: '2012-07-01',
          school: '吉林大学',
          major: '人力资源管理',
          workStartOn: '2012-08-01',
          mobileEnc: pii.encrypt(`1314444${String(1000 + i).slice(-4)}`),
          email: `staff${i}@borun.example.cn`,
          postcode: '130021',
          householdRegion: '吉林省长春市朝阳区',
        };
      }),
    );
  }
  await db.insert(recordFacilities).values([
    { recordId, position: 0, name: '办公电脑', unit: '台', quantity: 20, value: 100000 },
    { recordId, position: 1, name: '面试室', unit: '间', quantity: 2, area: 30, value: 20000 },
  ]);
  await db.insert(recordServiceFees).values([
    { recordId, position: 0, business: '职业介绍', content: '为求职者推荐岗位', procedure: '登记—推荐—面试', feeItem: '介绍费', feeStandard: '不超过首月工资的30%' },
  ]);
}
