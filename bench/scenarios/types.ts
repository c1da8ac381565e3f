import type { LoadOptions, ScenarioResult } from '../lib/load';
import type { Session } from '../lib/session';

export interface ScenarioContext {
  baseUrl: string;
  /** a signed-in demo unit user (demo_legal) */
  session: Session;
  /** demo_reviewer, for the 审核 scenarios */
  reviewer?: Session;
  load: LoadOptions;
  /** server/machine CPU during the measured run (see lib/cpu.ts) */
  measure?: () => () => Record<string, number>;
}

export interface Scenario {
  name: string;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}
