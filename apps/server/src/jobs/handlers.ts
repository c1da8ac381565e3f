import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../deps';
import { sendExpiryReminders } from '../modules/licences/expiry-reminders';
import { ReviewsService } from '../modules/reviews/reviews.service';
import { StatisticsAnalysisService } from '../modules/statistics-analysis/analysis.service';
import { runCleanup } from './cleanup';
import type { JobHandler, QueueName } from './queue';

/** What each queue's job does (decision 0041). */
export function jobHandlers(deps: AppDeps, log: FastifyBaseLogger): Record<QueueName, JobHandler> {
  return {
    'session-purge': () => deps.sessions.purgeExpired(),
    cleanup: () => runCleanup(deps, { log }),
    'deadline-reminders': () => new ReviewsService(deps).sendDeadlineReminders(),
    'report-reminders': () => new StatisticsAnalysisService(deps).sendReportReminders(),
    'licence-expiry-reminders': () => sendExpiryReminders(deps),
    // a gateway that fails throws: the job goes back to the queue and is retried with back-off
    sms: async ({ data }) => {
      const { phoneEnc, text } = data as { phoneEnc: string; text: string };
      await deps.sms.send(deps.pii.decrypt(phoneEnc), text);
    },
  };
}
