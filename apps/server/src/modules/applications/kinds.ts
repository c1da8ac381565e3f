import type { ZodType } from 'zod';
import { AppErrorCode, declareKind, type KindDeclaration, type TProcedure, type TReviewContent, type TSubmissionProblem, type Transition } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import type { Actor } from '../accounts/actor';
import type { ApplicationRow } from './applications.access';

/**
 * The engine's kinds (decision 0022). A kind is a declaration (contracts' applications/kinds.ts:
 * its name, sections, material slots, video, decision limit, notice texts, review targets) plus
 * this adapter: what its content is and what its decisions do. The engine (the service, fire(),
 * the reviewer's decision, materials) asks the adapter and never names a kind.
 */

/** Where an adapter works: inside the engine's transaction, for the caller. */
export interface KindContext {
  deps: AppDeps;
  tx: DbOrTx;
  actor: Actor;
}

/** A material slot name → number of files; the video under `videoCount`. */
export interface MaterialCounts {
  slots: Record<string, number>;
  videoCount: number;
}

/** What a kind's submission check gives: every problem of its content, or the frozen content. */
export interface SubmissionCheck {
  problems: TSubmissionProblem[];
  /** what is frozen as this round's snapshot (sealed where it carries personal data) */
  snapshot: Record<string, unknown>;
  /** declared required slots the chosen procedure does not ask for (告知承诺: those its 告知承诺书 replaces) */
  waivedSlots?: readonly string[];
}

/** The lists of a snapshot a reviewer's note may name a row of, with each row's name. */
export interface NoteLists {
  lists: Record<string, number>;
  rowName: (list: 'staff' | 'facilities' | 'fees', i: number) => string | undefined;
}

/** How a decision is made: the reviewer's department, the licence date asked for, the moment. */
export interface DecisionContext extends KindContext {
  department: string;
  issuedOn?: string;
  now: Date;
}

/** What an approval put in force: a sentence for the unit's messages and details for the audit entry. */
export interface ApprovalOutcome {
  notice?: string;
  audit?: Record<string, unknown>;
}

export interface KindAdapter<Content = unknown, Snapshot = unknown> {
  declaration: KindDeclaration;
  /** checks the content of a generic 保存 request (a 400 names the field) */
  content: ZodType<Content>;
  /** the draft of a new application: its subject institution, and its content once the header exists */
  create(ctx: KindContext, content: Content): Promise<{ institutionId: string; attach(app: ApplicationRow): Promise<void> }>;
  /** 保存: the content replaces the stored one */
  save(ctx: KindContext, app: ApplicationRow, content: Content): Promise<void>;
  /** 清空: the content emptied */
  clear(ctx: KindContext, app: ApplicationRow): Promise<void>;
  /** the fields the kind adds to the application's header when it is read */
  read(db: DbOrTx, deps: AppDeps, app: ApplicationRow): Promise<Record<string, unknown>>;
  /**
   * 提交: the content's problems (the engine adds the declared materials and video) and the snapshot,
   * under the procedure chosen (告知承诺 only reaches a kind whose declaration offers it)
   */
  submission(ctx: KindContext, app: ApplicationRow, materials: MaterialCounts, procedure: TProcedure): Promise<SubmissionCheck>;
  /**
   * The last day to decide a submission when the kind's limit is not counted in working days from
   * 提交 (统计: a date of the year after its 服务年度, an admin setting); absent: the declaration's limit.
   */
  dueOn?(ctx: KindContext, app: ApplicationRow, submittedAt: Date): Promise<string | null>;
  /** after the submission is frozen, in its transaction (e.g. the record names its department) */
  submitted?(ctx: KindContext, app: ApplicationRow, department: string): Promise<void>;
  /** a stored snapshot, opened for reading (personal data decrypted) */
  openSnapshot(deps: AppDeps, raw: Record<string, unknown>): Snapshot;
  /** what the reviewer sees: the content (the latest snapshot, or the draft before any) and its subject's name */
  review(db: DbOrTx, deps: AppDeps, app: ApplicationRow, snapshot: Snapshot | null): Promise<{ name?: string; uscc?: string; content: TReviewContent }>;
  /** the name the unit's messages give the subject of a snapshot */
  subjectName(snapshot: Snapshot): string;
  /** the row counts and names of the snapshot's lists a note may point at (record kinds) */
  noteLists?(snapshot: Snapshot): NoteLists;
  /** 审核通过: what it puts in force, in the decision's transaction */
  approve?(ctx: DecisionContext, app: ApplicationRow, snapshot: Snapshot): Promise<ApprovalOutcome | void>;
  /** 审核不通过: anything beyond the decision and the state */
  reject?(ctx: DecisionContext, app: ApplicationRow, snapshot: Snapshot): Promise<void>;
  /** after every transition (fire()), in its transaction */
  afterTransition?(tx: DbOrTx, deps: Pick<AppDeps, 'clock'>, app: ApplicationRow, t: Transition): Promise<unknown>;
  /** a database error of the engine's transaction the kind turns into a message (or undefined) */
  failure?(err: unknown): AppError | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each adapter is typed by its own content and snapshot
type AnyAdapter = KindAdapter<any, any>;

const adapters = new Map<string, AnyAdapter>();

/**
 * Registers a kind: its declaration joins contracts' registry (the schemas admit it) and the engine
 * serves it. Returns what undoes a new registration: the registry lives as long as the module, and
 * API test files share modules (isolate: false), so a test's own kind must not outlive its file.
 */
export function registerKind<C, S>(adapter: KindAdapter<C, S>): () => void {
  const name = adapter.declaration.name;
  const known = adapters.get(name);
  if (known === adapter) return () => undefined;
  if (known) throw new Error(`application kind ${name} is already registered`);
  const undeclare = declareKind(adapter.declaration);
  adapters.set(name, adapter as AnyAdapter);
  return () => {
    if (adapters.get(name) === adapter) adapters.delete(name);
    undeclare();
  };
}

/** The adapter of an application's kind. */
export function kindAdapter(type: string): AnyAdapter {
  const adapter = adapters.get(type);
  if (!adapter) throw new AppError(AppErrorCode.VALIDATION, `申请类型“${type}”暂不支持`);
  return adapter;
}
