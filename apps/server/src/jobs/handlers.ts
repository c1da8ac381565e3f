import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../deps';
import { sendExpiryReminders } from '../modules/licences/expiry-reminders';
import { ReviewsService } from '../modules/reviews/reviews.service';
import { InspectionsService } from '../modules/inspections/inspections.service';
import { StatisticsAnalysisService } from '../modules/statistics-analysis/analysis.service';
import { runCleanup } from './cleanup';
import type { JobHandler, QueueName } from './queue';

/** What each queue's job does (decision 0041). */
export function jobHandlers(deps: AppDeps, log: FastifyBaseLogger): Record<QueueName, JobHandler> {
  return {
    'session-purge': () => deps.sessions.purgeExpired(),
    cleanup: () => runCleanup(deps, { log }),
    // 办理期限 of submissions, and 核查期限 / 整改期限 of 核查任务: one daily round of reminders to the reviewers
    'deadline-reminders': async () => ({
      applications: await new ReviewsService(deps).sendDeadlineReminders(),
      inspections: await new InspectionsService(deps).sendDueReminders(),
    }),
    'report-reminders': () => new StatisticsAnalysisService(deps).sendReportReminders(),
    'licence-expiry-reminders': () => sendExpiryReminders(deps),
    // a gateway that fails throws: the job goes back to the queue and is retried with back-off
    sms: async ({ data }) => {
      const { phoneEnc, text } = data as { phoneEnc: string; text: string };
      await deps.sms.send(deps.pii.decrypt(phoneEnc), text);
    },
  };
}
