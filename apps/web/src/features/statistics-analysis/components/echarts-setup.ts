// Only what the dashboard draws: bar and pie charts on a canvas, with grid, tooltip and legend
// (echarts/core keeps the rest of the library out of the bundle). Loaded by IndicatorChart on
// demand, so neither the login page nor the shell carries it.
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
