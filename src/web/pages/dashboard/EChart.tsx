import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the dashboard draws, so the bundle carries no other chart type; SVG, so the charts
// stay sharp when printed and can be read by tests and screen readers (the aria description).
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** One ECharts chart, redrawn when its option changes and resized with its box. */
export function EChart({ option, label, testId, height = 260 }: { option: EChartsCoreOption; label: string; testId: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!box.current) return undefined;
    const instance = init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { description: label } }, ...option }, { notMerge: true });
  }, [option, label]);

  return <div ref={box} className="dashboard-chart" style={{ height }} data-testid={testId} role="img" aria-label={label} />;
}
