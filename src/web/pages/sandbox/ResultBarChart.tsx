import { useI18n } from '../../i18n/use-i18n';
import { chartSeries } from './result-chart';
import type { JobResult } from '../../api/sandbox-types';

const width = 720;
const labelWidth = 170;
const valueWidth = 90;
const barHeight = 22;
const gap = 6;

/**
 * A horizontal bar chart of the result's first numeric column by its first column, drawn as SVG
 * (the console has no chart library). Negative values extend left of the zero line.
 */
export function ResultBarChart({ result }: { result: JobResult }) {
  const { t, formatNumber } = useI18n();
  const series = chartSeries(result);
  if (!series) return null;
  const values = series.bars.map((b) => b.value);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const plot = width - labelWidth - valueWidth;
  const x = (v: number) => labelWidth + ((v - min) / span) * plot;
  const height = series.bars.length * (barHeight + gap) + gap;
  const title = t('sandbox.result.chartTitle', { value: series.valueColumn, label: series.labelColumn });
  return (
    <figure className="result-chart" data-testid="job-chart">
      <figcaption className="small muted">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} className="chart-axis" />
        {series.bars.map((bar, i) => {
          const y = gap + i * (barHeight + gap);
          const left = Math.min(x(0), x(bar.value));
          return (
            <g key={i} data-bar={bar.label}>
              <text x={labelWidth - 8} y={y + barHeight / 2} className="chart-label" textAnchor="end" dominantBaseline="central">
                {bar.label.length > 14 ? `${bar.label.slice(0, 13)}…` : bar.label}
                <title>{bar.label}</title>
              </text>
              <rect x={left} y={y} width={Math.max(1, Math.abs(x(bar.value) - x(0)))} height={barHeight} rx={3} className="chart-bar" />
              <text x={width - valueWidth + 6} y={y + barHeight / 2} className="chart-value" dominantBaseline="central">{formatNumber(bar.value)}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
