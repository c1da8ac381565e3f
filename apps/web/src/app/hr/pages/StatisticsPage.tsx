import { StatisticsEditor } from '../../../features/statistics/components/StatisticsEditor';
import { statisticsDraft } from '../../../features/statistics/statistics-draft';
import { STATISTICS_QUERY_PATH, parseStatisticsOpen } from '../../../features/statistics/paths';
import { ApplicationDraftPage } from '../ApplicationDraftPage';

/**
 * 业务基本情况录入: /hr/annual-reports/entry (new) and …/entry/:applicationId (a saved report, also
 * 查询's 查看 and 修改). The report form (statistics) runs in the shared draft lifecycle (applications).
 */
export default function StatisticsPage() {
  return (
    <ApplicationDraftPage
      kind={statisticsDraft}
      renderBody={(body) => <StatisticsEditor {...body} />}
      parseOpen={parseStatisticsOpen}
      back={{ path: STATISTICS_QUERY_PATH, label: '返回业务基本情况查询' }}
    />
  );
}
