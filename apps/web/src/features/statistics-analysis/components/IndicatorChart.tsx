import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';

type ECharts = Awaited<typeof import('./echarts-setup')>['echarts'];

/**
 * One ECharts chart, the library loaded the first time a chart is shown (its own chunk). `label`
 * names the chart for assistive technology; the table beside it carries the same numbers.
 */
export function IndicatorChart({ option, label, height = 300 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<ECharts['init']> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts-setup')
      .then(({ echarts }) => {
        if (disposed || !ref.current) return;
        chart.current ??= echarts.init(ref.current);
        chart.current.setOption(option, true);
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(() => chart.current?.resize());
          observer.observe(ref.current);
        }
      })
      .catch(() => !disposed && setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
    };
  }, [option]);

  useEffect(
    () => () => {
      chart.current?.dispose();
      chart.current = null;
    },
    [],
  );

  if (failed) return <Alert type="warning" showIcon message="图表加载失败，请查看右侧表格或刷新页面" />;
  return <div ref={ref} role="img" aria-label={label} data-testid="statistics-chart" style={{ width: '100%', height }} />;
}
