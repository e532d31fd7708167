import type { EChartsCoreOption } from 'echarts/core';

// The dashboard's chart options, built from plain data (no React), so each chart's shape is
// decided in one place. Colours follow the console's palette (styles.css).

export const palette = ['#1f6feb', '#2da44e', '#d29922', '#8250df', '#cf222e', '#0a7ea4', '#bf3989', '#6e7781'];

export interface Slice {
  name: string;
  value: number;
}

const tooltip = { trigger: 'item' as const, confine: true };

/** Shares of a whole (kinds, roles, states): a ring with its counts on it and its legend below. */
export function ringOption(slices: Slice[]): EChartsCoreOption {
  return {
    color: palette,
    tooltip,
    legend: { bottom: 0 },
    // Names in the legend, counts on the ring: labels outside would be cut at a narrow panel's edge.
    series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '44%'], label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 600 }, labelLine: { show: false }, data: slices }],
  };
}

/** Counts by category (formats, industries, access modes, entry types): horizontal bars, largest on top. */
export function barsOption(slices: Slice[], seriesName: string): EChartsCoreOption {
  const ordered = [...slices].reverse();
  return {
    color: palette,
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((s) => s.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', name: seriesName, data: ordered.map((s) => s.value), barMaxWidth: 22, label: { show: true, position: 'right' } }],
  };
}

/** Series per day (agreements, transfers, jobs): one line each over the period's days. */
export function dailyOption(days: string[], series: Array<{ name: string; data: number[] }>): EChartsCoreOption {
  return {
    color: palette,
    tooltip: { trigger: 'axis', confine: true },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    // Straight segments: counts per day, which a smoothed curve would show dipping below zero.
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.data, showSymbol: days.length <= 31 })),
  };
}

/** Sandbox running time per day (seconds): columns. */
export function utilizationOption(days: string[], seconds: number[], seriesName: string): EChartsCoreOption {
  return {
    color: [palette[3]!],
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: seriesName, data: seconds.map((v) => Math.round(v * 10) / 10), barMaxWidth: 18 }],
  };
}
