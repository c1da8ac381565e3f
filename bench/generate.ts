/**
 * Bench data generator: fills a database that already has the schema (start the server on it once,
 * or let `npm run bench` do it) with units and institutions that look like Jilin's real ones.
 *
 *   npx tsx bench/generate.ts --units 20000 --institutions 100000 [--database-url postgres://…] [--seed 1]
 *
 * Each table is one `TableGenerator` in `TABLES`; a new table (staff, annual reports …) is one more
 * function that reads what earlier steps left in the context and writes through `ctx.writer`.
 * `--annual-report-years N` adds N 服务年度 of annual reports (业务基本情况), one per institution and year.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CITY_DEPARTMENTS, COUNTY_DEPARTMENTS, GUIDE_SAMPLE_VALUES, INSTITUTION_CATEGORIES, STATISTICS_SCOPES, USCC_CHARSET, makeUscc } from '@jhrm/contracts';
import { BulkWriter, type BulkColumn } from './lib/bulk';
import { Rng, WeightedPicker } from './lib/random';
import {
  COMPANY_FORMS,
  HR_BUSINESS,
  LEGAL_TYPES,
  PLACES,
  PUBLIC_BODIES,
  TRADE_CHARS,
  type LegalTypeInfo,
  type Place,
} from './lib/words';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jhrm_bench';
/** the demo unit seeded by the server (apps/server/src/seed/demo.ts) */
export const DEMO_UNIT_USCC = '91220101MA17BRUN15';

export interface GenerateOptions {
  databaseUrl: string;
  units: number;
  /** total institutions, the demo unit's included; default `units × institutionsPerUnit` */
  institutions?: number;
  /** used when `institutions` is absent; default 5 */
  institutionsPerUnit?: number;
  /** institutions given to the demo unit when it exists; default 5 */
  demoInstitutions?: number;
  seed?: number;
  /** rows per INSERT statement; default 5000 */
  batchSize?: number;
  /** upper bound of every generated timestamp; default now */
  now?: Date;
  /**
   * 服务年度 of annual reports (业务基本情况) to add, the last full years: one report per institution
   * and year (3 → 300 000 at 100 000 institutions), each with its 统计 application; default 0
   */
  annualReportYears?: number;
  log?: (line: string) => void;
}

export interface TableTiming {
  table: string;
  rows: number;
  ms: number;
  rowsPerSec: number;
}

export interface GenerateResult {
  seed: number;
  tables: TableTiming[];
  totalRows: number;
  /** inserting every table, without VACUUM ANALYZE */
  insertMs: number;
  analyzeMs: number;
  rowsPerSec: number;
  demoUnit: { id: string; institutions: number } | null;
  /** the generated unit with the most institutions: the worst case of the unit list */
  largestUnit: { id: string; name: string; institutions: number } | null;
}

// ---------------------------------------------------------------------------------------------
// context shared by the table generators

interface GeneratedUnit {
  id: string;
  name: string;
  uscc: string;
  trade: string;
  place: Place;
  legal: LegalTypeInfo;
  createdAt: number;
}

interface GeneratedInstitution {
  id: string;
  unitId: string;
  createdAt: number;
  name: string;
  uscc: string;
  reviewStatus: string;
  /** 审批部门 of its record: its place's county or city bureau, or the province */
  department: string;
  category: string;
  /** its record (the one in force once approved) */
  recordId: string;
  /** filled by generateApplications */
  applicationId?: string;
}

interface GenContext {
  client: pg.Client;
  rng: Rng;
  now: number;
  unitsWanted: number;
  institutionsWanted: number;
  demoInstitutions: number;
  demoUnit: { id: string; createdAt: number } | null;
  uscc: UsccSource;
  /** filled by generateUnits */
  units: GeneratedUnit[];
  /** filled by generateInstitutions */
  institutions: GeneratedInstitution[];
  largestUnit: { id: string; name: string; institutions: number } | null;
  /** institutions written for the demo unit */
  demoCount: number;
  /** the annual reports' own random source, so adding them leaves every other table's data as it was */
  reportRng: Rng;
  annualReportYears: number;
  log(line: string): void;
  writer(table: string, columns: readonly BulkColumn[]): BulkWriter;
}

/** One table: writes its rows through ctx.writer, returns how many. */
type TableGenerator = (ctx: GenContext) => Promise<number>;

const TABLES: readonly { table: string; generate: TableGenerator }[] = [
  { table: 'units', generate: generateUnits },
  { table: 'institutions', generate: generateInstitutions },
  { table: 'institution_records', generate: generateRecords },
  { table: 'applications', generate: generateApplications },
  { table: 'application_records', generate: generateApplicationRecords },
  { table: 'record_staff', generate: generateStaff },
  { table: 'statistics_reports', generate: generateAnnualReports },
];

// ---------------------------------------------------------------------------------------------
// USCCs: counter-based, so unique without looking anything up

const ORG_SPACE = 31 ** 7;
/** multiplier coprime with 31: serial → serial·M + A (mod 31^7) is a bijection that scatters codes */
const SCATTER_MUL = 7_919;
const SCATTER_ADD = 104_729;

class UsccSource {
  constructor(
    /** codes already in the database (the demo unit's, a previous run's): never produced */
    private readonly reserved: ReadonlySet<string>,
    private serial: number,
  ) {}

  /** `prefix` = GB 32100 positions 1-2 (91 企业 …), `division` = 6-digit GB/T 2260 code */
  next(prefix: string, division: string): string {
    for (let tries = 0; tries <= this.reserved.size; tries++) {
      const n = this.serial++;
      if (n >= ORG_SPACE) throw new Error('USCC serial space exhausted');
      let x = (n * SCATTER_MUL + SCATTER_ADD) % ORG_SPACE;
      let org = '';
      for (let i = 0; i < 7; i++) {
        org = USCC_CHARSET.charAt(x % 31) + org;
        x = Math.floor(x / 31);
      }
      const code = makeUscc(`${prefix}${division}${prefix === '91' ? 'MA' : '00'}${org}`);
      if (!this.reserved.has(code)) return code;
    }
    throw new Error('UsccSource: every candidate was reserved');
  }
}

// ---------------------------------------------------------------------------------------------
// names

const placePicker = new WeightedPicker(PLACES, (p) => p.weight);
const legalPicker = new WeightedPicker(LEGAL_TYPES, (l) => l.weight);
const placeByCode = new Map(PLACES.map((p) => [p.code, p]));

/** 长春市 / 长春市南关区 / 梨树县 / 延边 — how a place reads at the head of a company name */
function placeFull(p: Place): string {
  if (p.suffix === '州') return p.name;
  if (p.suffix === '区') {
    const city = placeByCode.get(`${p.code.slice(0, 4)}00`);
    return `${city ? `${city.name}市` : ''}${p.name}区`;
  }
  return `${p.name}${p.suffix}`;
}

function tradeName(rng: Rng): string {
  const length = rng.chance(0.2) ? 3 : 2;
  let out = '';
  while (out.length < length) {
    const c = rng.pick(TRADE_CHARS);
    if (!out.includes(c)) out += c;
  }
  return out;
}

function unitName(rng: Rng, legal: LegalTypeInfo, place: Place, trade: string): string {
  switch (legal.legalType) {
    case '事业单位法人':
      return rng.chance(0.05) ? `吉林省${rng.pick(PUBLIC_BODIES)}` : `${placeFull(place)}${rng.pick(PUBLIC_BODIES)}`;
    case '社会团体法人':
      return `${placeFull(place)}${rng.pick(['人力资源服务行业协会', '人才开发促进会', '劳务经纪人协会'])}`;
    case '民办非企业单位':
      return `${placeFull(place)}${trade}${rng.pick(['职业培训学校', '人才发展研究院', '就业创业服务中心'])}`;
    default: {
      const biz = rng.pick(HR_BUSINESS);
      const form = rng.pick(COMPANY_FORMS);
      const r = rng.next();
      if (r < 0.3) return `吉林省${trade}${biz}${form}`;
      if (r < 0.7) return `${placeFull(place)}${trade}${biz}${form}`;
      if (r < 0.85) return `吉林${trade}${biz}${form}`;
      if (r < 0.95) return `${trade}${biz}（${place.name}）${form}`;
      return `吉林省${place.name}${trade}${biz}${form}`;
    }
  }
}

/** 简称 of a unit's main institution, or null (not every record fills it in) */
function mainShortName(rng: Rng, unit: GeneratedUnit): string | null {
  if (rng.chance(0.2)) return null;
  if (unit.legal.prefix !== '91') return unit.name.length <= 12 ? unit.name : null;
  return `${unit.trade}${rng.pick(['人力', '人力资源', '人才', '劳务', ''])}`;
}

// ---------------------------------------------------------------------------------------------
// statuses and time

const DAY = 86_400_000;
const UNITS_SINCE = Date.UTC(2010, 0, 1);

/** a time (ms) between `from` and `to`, skewed towards `to` when skew < 1 */
function between(rng: Rng, from: number, to: number, skew = 1): number {
  if (to <= from) return to;
  return Math.floor(from + (to - from) * Math.pow(rng.next(), skew));
}

interface Status {
  reviewStatus: '待提交' | '待审核' | '审核通过' | '审核不通过';
  licensed: boolean;
  cancelStatus: '正常' | '注销';
}

/** Young records are mostly still in progress; old ones mostly approved, some cancelled. */
function statusFor(rng: Rng, ageDays: number): Status {
  const r = rng.next();
  let reviewStatus: Status['reviewStatus'];
  if (ageDays < 30) reviewStatus = r < 0.45 ? '待提交' : r < 0.8 ? '待审核' : r < 0.92 ? '审核通过' : '审核不通过';
  else if (ageDays < 365) reviewStatus = r < 0.12 ? '待提交' : r < 0.22 ? '待审核' : r < 0.9 ? '审核通过' : '审核不通过';
  else reviewStatus = r < 0.05 ? '待提交' : r < 0.1 ? '待审核' : r < 0.92 ? '审核通过' : '审核不通过';
  // approved without a licence: 备案 only (no 职业中介); 待审核/不通过 on a licensed record: a change application
  const licensed = rng.chance(reviewStatus === '审核通过' ? 0.85 : reviewStatus === '待审核' ? 0.25 : reviewStatus === '审核不通过' ? 0.05 : 0.01);
  const cancelStatus = reviewStatus === '审核通过' && ageDays > 365 && rng.chance(0.07) ? '注销' : '正常';
  return { reviewStatus, licensed, cancelStatus };
}

// ---------------------------------------------------------------------------------------------
// table generators

const UNIT_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'uscc', type: 'text' },
  { name: 'legal_type', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
];

async function generateUnits(ctx: GenContext): Promise<number> {
  const { rng } = ctx;
  const out = ctx.writer('units', UNIT_COLUMNS);
  for (let i = 0; i < ctx.unitsWanted; i++) {
    const legal = legalPicker.pick(rng);
    const place = placePicker.pick(rng);
    const trade = tradeName(rng);
    const unit: GeneratedUnit = {
      id: randomUUID(),
      name: unitName(rng, legal, place, trade),
      uscc: ctx.uscc.next(legal.prefix, place.code),
      trade,
      place,
      legal,
      createdAt: between(rng, UNITS_SINCE, ctx.now - DAY, 0.6),
    };
    ctx.units.push(unit);
    await out.add([unit.id, unit.name, unit.uscc, legal.legalType, new Date(unit.createdAt).toISOString()]);
  }
  await out.flush();
  return out.written;
}

const INSTITUTION_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'unit_id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'short_name', type: 'text' },
  { name: 'uscc', type: 'text' },
  { name: 'licensed', type: 'bool' },
  { name: 'review_status', type: 'text' },
  { name: 'cancel_status', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'current_record_id', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

const DEPARTMENT_CODES = new Set<string>([...CITY_DEPARTMENTS.map((c) => c.code), ...COUNTY_DEPARTMENTS.map((c) => c.code)]);
/** 机构类型, mostly private firms */
const CATEGORY_WEIGHTS = [70, 10, 4, 8, 5, 3];
const categoryPicker = new WeightedPicker(INSTITUTION_CATEGORIES, (c) => CATEGORY_WEIGHTS[INSTITUTION_CATEGORIES.indexOf(c)] ?? 1);

/**
 * The 审批部门 of an institution registered at a GB/T 2260 code (its USCC's): its county's bureau,
 * else its city's; one in six goes to 省人社厅审批办 (the province licenses the larger ones).
 */
function departmentFor(rng: Rng, uscc: string): string {
  if (rng.chance(1 / 6)) return '220000';
  const code = uscc.slice(2, 8);
  if (DEPARTMENT_CODES.has(code)) return code;
  const city = `${code.slice(0, 4)}00`;
  return DEPARTMENT_CODES.has(city) ? city : '220000';
}

/**
 * How many institutions each generated unit runs: at least one each (when there are enough), the
 * rest by a capped Pareto weight, so most units run one to a few and a handful of chains run
 * hundreds. Largest-remainder rounding makes the counts add up exactly.
 */
function institutionCounts(rng: Rng, units: number, total: number): number[] {
  if (units === 0) return [];
  const base = total >= units ? 1 : 0;
  const extra = total - base * units;
  const weights = Array.from({ length: units }, () => Math.min(200, Math.pow(1 - rng.next(), -1 / 1.3)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => base + Math.floor((extra * w) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = weights.map((w, i) => ({ i, frac: (extra * w) / sum - Math.floor((extra * w) / sum) })).sort((a, b) => b.frac - a.frac);
  for (let k = 0; left > 0 && k < byRemainder.length; k++, left--) counts[byRemainder[k]!.i]! += 1;
  return counts;
}

/** 二, 十一, 二十三 … (1 ≤ n ≤ 99) */
function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits.charAt(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits.charAt(tens)}十${n % 10 ? digits.charAt(n % 10) : ''}`;
}

/** 长春, 长春第二, … : where each branch is and how its name says so, distinct within the unit */
function branchPlaces(rng: Rng, home: Place, n: number): { label: string; place: Place }[] {
  const used = new Map<string, number>();
  const out: { label: string; place: Place }[] = [];
  // most branches stay in the home city's area, the rest spread over the province
  const local = n > 0 ? PLACES.filter((p) => p.code.slice(0, 4) === home.code.slice(0, 4)) : [];
  for (let k = 0; k < n; k++) {
    const p = rng.chance(0.6) && local.length > 0 ? rng.pick(local) : placePicker.pick(rng);
    const seen = used.get(p.name) ?? 0;
    used.set(p.name, seen + 1);
    out.push({ label: `${p.name}${seen === 0 ? '' : seen < 99 ? `第${chineseNumber(seen + 1)}` : `第${seen + 1}`}`, place: p });
  }
  return out;
}

async function generateInstitutions(ctx: GenContext): Promise<number> {
  const { rng, now } = ctx;
  const out = ctx.writer('institutions', INSTITUTION_COLUMNS);

  const add = async (unitId: string, name: string, shortName: string | null, uscc: string, createdAt: number, status?: Status) => {
    const s = status ?? statusFor(rng, (now - createdAt) / DAY);
    const id = randomUUID();
    const updatedAt = between(rng, createdAt, now, 0.7);
    const department = departmentFor(ctx.reportRng, uscc);
    const category = categoryPicker.pick(ctx.reportRng);
    const recordId = randomUUID();
    ctx.institutions.push({ id, unitId, createdAt, name, uscc, reviewStatus: s.reviewStatus, department, category, recordId });
    // an approved institution's record is the one in force
    const current = s.reviewStatus === '审核通过' ? recordId : null;
    await out.add([id, unitId, name, shortName, uscc, s.licensed, s.reviewStatus, s.cancelStatus, category, current, new Date(createdAt).toISOString(), new Date(updatedAt).toISOString()]);
  };

  // the demo unit: a main institution and branches in every state, so the signed-in list shows them all
  let forDemo = 0;
  const demoHas = ctx.demoUnit
    ? Number((await ctx.client.query<{ n: string }>('SELECT count(*) AS n FROM institutions WHERE unit_id = $1', [ctx.demoUnit.id])).rows[0]?.n ?? 0)
    : 0;
  // the server's development start seeds some already (seed/demo-business.ts): top up to the number asked
  if (demoHas > 0) ctx.log(`  (the demo unit already has ${demoHas} institutions: adding up to ${ctx.demoInstitutions})`);
  if (ctx.demoUnit && ctx.demoInstitutions > demoHas) {
    const demo = ctx.demoUnit;
    const home = placeByCode.get('220100')!;
    const states: Status[] = [
      { reviewStatus: '审核通过', licensed: true, cancelStatus: '正常' },
      { reviewStatus: '审核通过', licensed: true, cancelStatus: '正常' },
      { reviewStatus: '待审核', licensed: false, cancelStatus: '正常' },
      { reviewStatus: '待提交', licensed: false, cancelStatus: '正常' },
      { reviewStatus: '审核不通过', licensed: false, cancelStatus: '正常' },
      { reviewStatus: '审核通过', licensed: true, cancelStatus: '注销' },
    ];
    forDemo = Math.min(ctx.demoInstitutions - demoHas, ctx.institutionsWanted);
    // the main institution (the unit's own name and USCC) only when the unit has none yet
    const withMain = demoHas === 0;
    const places = branchPlaces(rng, home, withMain ? forDemo - 1 : forDemo);
    const start = now - 3 * 365 * DAY;
    for (let k = 0; k < forDemo; k++) {
      const createdAt = start + Math.floor(((now - DAY - start) * k) / forDemo) + rng.int(0, DAY);
      const main = withMain && k === 0;
      const branch = places[withMain ? k - 1 : k];
      await add(
        demo.id,
        main ? '吉林省博润人力资源有限公司' : `吉林省博润人力资源有限公司${branch!.label}分公司`,
        main ? '博润人力' : `博润${branch!.label}`,
        main ? DEMO_UNIT_USCC : ctx.uscc.next('91', branch!.place.code),
        createdAt,
        states[k % states.length],
      );
    }
  }

  const counts = institutionCounts(rng, ctx.units.length, ctx.institutionsWanted - forDemo);
  let largest = -1;
  for (let u = 0; u < ctx.units.length; u++) {
    const unit = ctx.units[u]!;
    const n = counts[u] ?? 0;
    if (n > (counts[largest] ?? 0)) largest = u;
    if (n === 0) continue;
    // the unit itself is its first institution and shares its code; branches have their own
    await add(unit.id, unit.name, mainShortName(rng, unit), unit.uscc, between(rng, unit.createdAt, Math.min(now, unit.createdAt + 60 * DAY)));
    const places = branchPlaces(rng, unit.place, n - 1);
    for (let k = 1; k < n; k++) {
      const where = places[k - 1]!;
      const suffix = unit.legal.prefix === '91' ? '分公司' : '服务站';
      await add(
        unit.id,
        `${unit.name}${where.label}${suffix}`,
        rng.chance(0.6) ? `${unit.trade}${where.label}` : null,
        // a branch registers where it is
        ctx.uscc.next(unit.legal.prefix, where.place.code),
        between(rng, unit.createdAt, now, 0.8),
      );
    }
  }
  const big = ctx.units[largest];
  if (big) ctx.largestUnit = { id: big.id, name: big.name, institutions: counts[largest] ?? 0 };
  ctx.demoCount = forDemo;
  await out.flush();
  return out.written;
}

// ---------------------------------------------------------------------------------------------

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const seed = opts.seed ?? 20_240_601;
  const unitsWanted = Math.max(0, Math.floor(opts.units));
  const institutionsWanted = Math.max(0, Math.floor(opts.institutions ?? unitsWanted * (opts.institutionsPerUnit ?? 5)));
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)`, [
      TABLES.map((t) => t.table),
    ]);
    const missing = TABLES.map((t) => t.table).filter((t) => !tables.rows.some((r) => r.name === t));
    if (missing.length) throw new Error(`tables ${missing.join(', ')} do not exist: start the server once on this database so it applies its migrations`);

    await client.query('SET synchronous_commit = off');
    const existing = await client.query<{ uscc: string }>('SELECT uscc FROM units UNION SELECT uscc FROM institutions');
    // never a code the operation guide prints: a reader registering with it would meet a bench unit
    const reserved = new Set([...existing.rows.map((r) => r.uscc), ...GUIDE_SAMPLE_VALUES.uscc]);
    const demo = await client.query<{ id: string; created_at: Date }>('SELECT id, created_at FROM units WHERE uscc = $1', [DEMO_UNIT_USCC]);
    const demoRow = demo.rows[0];
    if (!demoRow) log(`  (no demo unit ${DEMO_UNIT_USCC} in this database: it gets no institutions)`);

    const batchSize = opts.batchSize ?? 5000;
    const ctx: GenContext = {
      client,
      rng: new Rng(seed),
      now: (opts.now ?? new Date()).getTime(),
      unitsWanted,
      institutionsWanted,
      demoInstitutions: opts.demoInstitutions ?? 5,
      demoUnit: demoRow ? { id: demoRow.id, createdAt: demoRow.created_at.getTime() } : null,
      uscc: new UsccSource(reserved, reserved.size),
      units: [],
      institutions: [],
      largestUnit: null,
      demoCount: 0,
      reportRng: new Rng(seed + 1),
      annualReportYears: Math.max(0, Math.floor(opts.annualReportYears ?? 0)),
      log,
      writer: (table, columns) => new BulkWriter(client, table, columns, batchSize),
    };

    const timings: TableTiming[] = [];
    const started = performance.now();
    for (const step of TABLES) {
      const t0 = performance.now();
      const rows = await step.generate(ctx);
      const ms = performance.now() - t0;
      const timing = { table: step.table, rows, ms: Math.round(ms), rowsPerSec: Math.round(rows / (ms / 1000)) };
      timings.push(timing);
      log(`  ${step.table.padEnd(14)} ${String(rows).padStart(9)} rows  ${(ms / 1000).toFixed(2).padStart(7)} s  ${String(timing.rowsPerSec).padStart(8)} rows/s`);
    }
    const insertMs = performance.now() - started;
    const t0 = performance.now();
    // as autovacuum leaves a table some time after a bulk load: statistics, and a visibility map that lets a
    // count read the index alone (an insert-triggered autovacuum runs after 20 % new rows; the bench cannot wait)
    // the tables the annual reports' triggers keep (migration 0022) were written too
    const kept = ctx.annualReportYears > 0 ? ['statistics_totals', 'statistics_report_states'] : [];
    await client.query(`VACUUM ANALYZE ${[...TABLES.map((t) => t.table), ...kept].map((t) => `"${t}"`).join(', ')}`);
    const analyzeMs = performance.now() - t0;
    const totalRows = timings.reduce((a, t) => a + t.rows, 0);
    const rowsPerSec = Math.round(totalRows / (insertMs / 1000));
    log(`  ${'total'.padEnd(14)} ${String(totalRows).padStart(9)} rows  ${(insertMs / 1000).toFixed(2).padStart(7)} s  ${String(rowsPerSec).padStart(8)} rows/s  (+ VACUUM ANALYZE ${(analyzeMs / 1000).toFixed(2)} s)`);

    return {
      seed,
      tables: timings,
      totalRows,
      insertMs: Math.round(insertMs),
      analyzeMs: Math.round(analyzeMs),
      rowsPerSec,
      demoUnit: ctx.demoUnit ? { id: ctx.demoUnit.id, institutions: ctx.demoCount } : null,
      largestUnit: ctx.largestUnit,
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// records, 设立 applications and 专职工作人员 (10 per institution: 1 000 000 for 100 000)

const RECORD_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'institution_id', type: 'uuid' },
  { name: 'version', type: 'int4' },
  { name: 'name', type: 'text' },
  { name: 'uscc', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'department', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

async function generateRecords(ctx: GenContext): Promise<number> {
  const out = ctx.writer('institution_records', RECORD_COLUMNS);
  for (const inst of ctx.institutions) {
    const at = new Date(inst.createdAt).toISOString();
    await out.add([inst.recordId, inst.id, 1, inst.name, inst.uscc, inst.category, inst.department, at, at]);
  }
  await out.flush();
  return out.written;
}

const APPLICATION_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'unit_id', type: 'uuid' },
  { name: 'type', type: 'text' },
  { name: 'institution_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'department', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

async function generateApplications(ctx: GenContext): Promise<number> {
  const out = ctx.writer('applications', APPLICATION_COLUMNS);
  for (const inst of ctx.institutions) {
    const at = new Date(inst.createdAt).toISOString();
    inst.applicationId = randomUUID();
    // every 设立 goes to 省人社厅审批办, whatever the record's 审批部门: the review-inbox scenario measures
    // one department's inbox at 100 000 applications
    await out.add([inst.applicationId, inst.unitId, '设立', inst.id, inst.reviewStatus, inst.reviewStatus === '待提交' ? null : '220000', at, at]);
  }
  await out.flush();
  return out.written;
}

const APPLICATION_RECORD_COLUMNS: readonly BulkColumn[] = [
  { name: 'application_id', type: 'uuid' },
  { name: 'record_id', type: 'uuid' },
];

/** Each 设立's content: the record it proposes (decision 0022). */
async function generateApplicationRecords(ctx: GenContext): Promise<number> {
  const out = ctx.writer('application_records', APPLICATION_RECORD_COLUMNS);
  for (const inst of ctx.institutions) await out.add([inst.applicationId!, inst.recordId!]);
  await out.flush();
  return out.written;
}

const STAFF_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'record_id', type: 'uuid' },
  { name: 'position', type: 'int4' },
  { name: 'name', type: 'text' },
  { name: 'id_type', type: 'text' },
  { name: 'id_card_enc', type: 'text' },
  { name: 'id_card_idx', type: 'text' },
  { name: 'gender', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'political_status', type: 'text' },
  { name: 'ethnicity', type: 'text' },
  { name: 'education', type: 'text' },
  { name: 'mobile_enc', type: 'text' },
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲芬燕春菊凤洁梅琳云莲雪荣香月瑞佳嘉琼珍莉璐琦晶妍秋珊锦青倩婷婉颖露瑶怡丹蓉君琴蕊薇梦岚馨韵悦冰宁欣柔晓欢枫芸菲宜可舒思';
const EDU = ['博士研究生', '硕士研究生', '大学本科', '大学本科', '大学专科', '大学专科', '中等专科', '高中'];

/**
 * Staff rows carry encrypted-looking personal data (random bytes in the envelope format, not
 * decryptable by the bench server: no scenario reads them) and an index-sized hash.
 */
async function generateStaff(ctx: GenContext): Promise<number> {
  const { rng } = ctx;
  const out = ctx.writer('record_staff', STAFF_COLUMNS);
  const fake = (n: number) => `v1.${randomBytes(16).toString('base64url')}.${randomBytes(n).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
  const pick = (chars: string) => chars.charAt(rng.int(0, chars.length - 1));
  for (const inst of ctx.institutions) {
    for (let k = 0; k < 10; k++) {
      const birth = `${rng.int(1965, 2002)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const name = pick(SURNAMES) + pick(GIVEN) + (rng.chance(0.6) ? pick(GIVEN) : '');
      await out.add([
        randomUUID(), inst.recordId!, k, name, '居民身份证', fake(32), randomBytes(32).toString('hex'),
        rng.chance(0.5) ? '男' : '女', birth, rng.chance(0.3) ? '中共党员' : '群众', rng.chance(0.9) ? '汉族' : '朝鲜族',
        EDU[rng.int(0, EDU.length - 1)]!, fake(16),
      ]);
    }
  }
  await out.flush();
  return out.written;
}

// ---------------------------------------------------------------------------------------------
// annual reports (业务基本情况): one per institution and 服务年度, each the content of a 统计 application

/** the annual reports' application kind (its name in applications.type) */
export const REPORT_KIND = '统计';

const REPORT_APPLICATION_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'unit_id', type: 'uuid' },
  { name: 'type', type: 'text' },
  { name: 'institution_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'department', type: 'text' },
  { name: 'submitted_at', type: 'timestamptz' },
  { name: 'decided_at', type: 'timestamptz' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

/** the report's count fields the generator fills, with a typical size for a small institution */
const REPORT_COUNTS: readonly [string, number][] = [
  ['staff_total', 25],
  ['staff_college', 18],
  ['staff_bachelor', 10],
  ['staff_postgrad', 2],
  ['staff_qualified', 12],
  ['recruitment_sites', 1],
  ['websites', 1],
  ['employers_served', 120],
  ['persons_served', 3000],
  ['persons_college', 1500],
  ['persons_bachelor', 800],
  ['persons_postgrad', 60],
  ['seekers_registered', 2000],
  ['persons_placed', 900],
  ['employers_state', 10],
  ['employers_private', 90],
  ['employers_foreign', 5],
  ['employers_other', 15],
  ['databases', 1],
  ['db_seeker_records', 5000],
  ['db_new_seekers', 1200],
  ['fairs_migrant', 2],
  ['fairs_graduate', 2],
  ['fair_employers', 150],
  ['fair_positions', 2000],
  ['fair_seekers', 4000],
  ['fairs_held', 8],
  ['online_positions', 3000],
  ['online_seekers', 6000],
  ['dispatch_employers', 20],
  ['dispatched_workers', 300],
  ['dispatch_requested', 350],
  ['consulting_employers', 10],
  ['outsourcing_employers', 15],
  ['files_held', 200],
  ['file_services', 150],
  ['training_sessions', 6],
  ['trainees', 300],
  ['assessed', 100],
  ['headhunt_positions', 20],
  ['headhunt_placed', 8],
];
const REPORT_AMOUNTS: readonly [string, number][] = [
  ['registered_capital', 200],
  ['total_assets', 500],
  ['annual_revenue', 800],
  ['pass_through_revenue', 300],
];

const REPORT_COLUMNS: readonly BulkColumn[] = [
  { name: 'application_id', type: 'uuid' },
  { name: 'institution_id', type: 'uuid' },
  { name: 'service_year', type: 'int4' },
  { name: 'name', type: 'text' },
  { name: 'uscc', type: 'text' },
  { name: 'legal_rep', type: 'text' },
  { name: 'phone_area_code', type: 'text' },
  { name: 'phone_number', type: 'text' },
  { name: 'postcode', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'department', type: 'text' },
  { name: 'scopes', type: 'jsonb' },
  ...REPORT_COUNTS.map(([name]) => ({ name, type: 'int4' as const })),
  ...REPORT_AMOUNTS.map(([name]) => ({ name, type: 'numeric' as const })),
  { name: 'principal', type: 'text' },
  { name: 'statistics_officer', type: 'text' },
  { name: 'filler', type: 'text' },
  { name: 'filled_on', type: 'date' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

/**
 * `annualReportYears` 服务年度 (the last full years) of reports, one per institution and year: 90 %
 * approved, the rest drafts or sent back (none 待审核, so the review-inbox scenario is unchanged).
 * Each is sized by the institution (a few large ones, many small) and grows a little year on year.
 */
async function generateAnnualReports(ctx: GenContext): Promise<number> {
  if (ctx.annualReportYears === 0) return 0;
  const rng = ctx.reportRng;
  const apps = ctx.writer('applications', REPORT_APPLICATION_COLUMNS);
  const out = ctx.writer('statistics_reports', REPORT_COLUMNS);
  const lastYear = new Date(ctx.now).getUTCFullYear() - 1;
  const years = Array.from({ length: ctx.annualReportYears }, (_, i) => lastYear - ctx.annualReportYears + 1 + i);
  const pick = (chars: string) => chars.charAt(rng.int(0, chars.length - 1));
  for (const inst of ctx.institutions) {
    // a capped Pareto size: most institutions small, a few a hundred times larger
    const size = Math.min(100, 0.3 / Math.max(0.003, rng.next()) ** 0.8);
    const scopes = STATISTICS_SCOPES.filter(() => rng.chance(0.4));
    for (const [k, year] of years.entries()) {
      const growth = 1 + 0.06 * k + (rng.next() - 0.5) * 0.1;
      const r = rng.next();
      const status = r < 0.9 ? '审核通过' : r < 0.95 ? '审核不通过' : '待提交';
      const filled = Date.UTC(year + 1, rng.int(0, 2), rng.int(1, 28), 2);
      const at = new Date(filled).toISOString();
      const id = randomUUID();
      await apps.add([id, inst.unitId, REPORT_KIND, inst.id, status, status === '待提交' ? null : inst.department, status === '待提交' ? null : at, status === '待提交' ? null : at, at, at]);
      const figure = (typical: number) => Math.max(0, Math.round(typical * size * growth * (0.5 + rng.next())));
      const money = (typical: number) => Math.round(typical * size * growth * (0.5 + rng.next()) * 100) / 100;
      await out.add([
        id,
        inst.id,
        year,
        inst.name,
        inst.uscc,
        `${pick(SURNAMES)}${pick(GIVEN)}`,
        '0431',
        String(rng.int(80_000_000, 89_999_999)),
        '130000',
        inst.category,
        inst.department,
        JSON.stringify(scopes.length ? scopes : [STATISTICS_SCOPES[1]]),
        ...REPORT_COUNTS.map(([, typical]) => figure(typical)),
        ...REPORT_AMOUNTS.map(([, typical]) => money(typical)),
        `${pick(SURNAMES)}${pick(GIVEN)}`,
        `${pick(SURNAMES)}${pick(GIVEN)}`,
        `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
        new Date(filled).toISOString().slice(0, 10),
        at,
        at,
      ]);
    }
  }
  // the reports reference their applications: those rows go first
  await apps.flush();
  await out.flush();
  return out.written;
}

// ---------------------------------------------------------------------------------------------
// CLI

async function cli() {
  const { values } = parseArgs({
    options: {
      units: { type: 'string', default: '20000' },
      institutions: { type: 'string' },
      'institutions-per-unit': { type: 'string' },
      'demo-institutions': { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      'batch-size': { type: 'string' },
      'annual-report-years': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'npx tsx bench/generate.ts [--units 20000] [--institutions 100000 | --institutions-per-unit 5] [--demo-institutions 5]\n' +
        '                          [--database-url URL (default $DATABASE_URL or ' + DEFAULT_DATABASE_URL + ')] [--seed N] [--batch-size 5000]\n' +
        '                          [--annual-report-years 3 (annual reports per institution, the last full years; default 0)]\n' +
        'The database must already have the schema: start the server on it once.',
    );
    return;
  }
  const num = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${v}"`);
    return n;
  };
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  console.log(`generating into ${databaseUrl.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@')}`);
  const result = await generate({
    databaseUrl,
    units: num('units', values.units) ?? 20_000,
    institutions: num('institutions', values.institutions),
    institutionsPerUnit: num('institutions-per-unit', values['institutions-per-unit']),
    demoInstitutions: num('demo-institutions', values['demo-institutions']),
    seed: num('seed', values.seed),
    batchSize: num('batch-size', values['batch-size']),
    annualReportYears: num('annual-report-years', values['annual-report-years']),
  });
  if (result.largestUnit) console.log(`  largest unit: ${result.largestUnit.name} with ${result.largestUnit.institutions} institutions`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
