import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';

const count = (name: string) => integer(name);
const amount = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/**
 * The content of a 统计 application: one institution's annual business report (人力资源市场统计,
 * guide 2.1), one column per field of contracts' STATISTICS_FIELDS (statistics/statistics.catalogue.ts),
 * keyed by the application. One report per institution and 服务年度: unique, so concurrent first
 * 新增 leave exactly one. Counts are integers, amounts 万元 with 2 decimals; every field but the
 * institution and the year may be empty in a draft (提交 asks for the required ones).
 * 联系电话 is stored SM4-encrypted (decision 0006); the other columns are plain.
 */
export const statisticsReports = pgTable(
  'statistics_reports',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    serviceYear: integer('service_year').notNull(),
    // 服务机构信息
    name: text('name'),
    uscc: text('uscc'),
    legalRep: text('legal_rep'),
    phoneAreaCode: text('phone_area_code'),
    phoneNumber: text('phone_number'),
    phoneExtension: text('phone_extension'),
    fax: text('fax'),
    postcode: text('postcode'),
    email: text('email'),
    website: text('website'),
    category: text('category'),
    nature: text('nature'),
    /** 审核机构: the institution's 审批部门 code */
    department: text('department'),
    // 主要业务服务
    scopes: jsonb('scopes').$type<string[]>(),
    // 从业人员情况
    staffTotal: count('staff_total'),
    staffCollege: count('staff_college'),
    staffBachelor: count('staff_bachelor'),
    staffPostgrad: count('staff_postgrad'),
    staffQualified: count('staff_qualified'),
    // 服务设施情况
    recruitmentSites: count('recruitment_sites'),
    websites: count('websites'),
    // 主要经济指标 (万元)
    registeredCapital: amount('registered_capital'),
    totalAssets: amount('total_assets'),
    annualRevenue: amount('annual_revenue'),
    passThroughRevenue: amount('pass_through_revenue'),
    // 服务对象情况
    employersServed: count('employers_served'),
    personsServed: count('persons_served'),
    personsCollege: count('persons_college'),
    personsBachelor: count('persons_bachelor'),
    personsPostgrad: count('persons_postgrad'),
    seekersRegistered: count('seekers_registered'),
    personsPlaced: count('persons_placed'),
    employersState: count('employers_state'),
    employersPrivate: count('employers_private'),
    employersForeign: count('employers_foreign'),
    employersOther: count('employers_other'),
    // 数据库建设
    databases: count('databases'),
    dbSeekerRecords: count('db_seeker_records'),
    dbNewSeekers: count('db_new_seekers'),
    // 现场招聘会服务
    fairsMigrant: count('fairs_migrant'),
    fairsGraduate: count('fairs_graduate'),
    fairEmployers: count('fair_employers'),
    fairPositions: count('fair_positions'),
    fairSeekers: count('fair_seekers'),
    fairsHeld: count('fairs_held'),
    // 网络招聘服务
    onlinePositions: count('online_positions'),
    onlineSeekers: count('online_seekers'),
    // 劳务派遣服务
    dispatchEmployers: count('dispatch_employers'),
    dispatchedWorkers: count('dispatched_workers'),
    dispatchRequested: count('dispatch_requested'),
    // 人力资源管理咨询服务
    consultingEmployers: count('consulting_employers'),
    // 人力资源外包服务
    outsourcingEmployers: count('outsourcing_employers'),
    // 流动人员档案管理
    filesHeld: count('files_held'),
    fileServices: count('file_services'),
    // 培训服务
    trainingSessions: count('training_sessions'),
    trainees: count('trainees'),
    // 测评服务
    assessed: count('assessed'),
    // 猎头服务
    headhuntPositions: count('headhunt_positions'),
    headhuntPlaced: count('headhunt_placed'),
    // 填表信息
    principal: text('principal'),
    statisticsOfficer: text('statistics_officer'),
    filler: text('filler'),
    fillerPhoneEnc: text('filler_phone_enc'),
    filledOn: date('filled_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // 每年只能新增一次 (guide 2.1)
    unique('statistics_reports_institution_year_key').on(t.institutionId, t.serviceYear),
    // the 统计分析 dashboard reads a year across institutions
    index('statistics_reports_year_idx').on(t.serviceYear),
  ],
);
