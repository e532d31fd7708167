import { useI18n } from '../../i18n/use-i18n';
import type { Cell, JobResult } from '../../api/sandbox-types';

/** A result's rows as a table; numbers right-aligned in the console's number format. */
export function ResultTable({ result }: { result: JobResult }) {
  const { t, formatNumber } = useI18n();
  const show = (cell: Cell) => {
    if (cell === null) return <span className="muted">NULL</span>;
    if (typeof cell === 'number') return formatNumber(cell);
    if (typeof cell === 'boolean') return String(cell);
    return cell;
  };
  return (
    <div className="table-wrap result-table">
      <table className="table table-compact" data-testid="job-result">
        <thead>
          <tr>{result.columns.map((c, i) => <th key={i}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {result.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => <td key={i} className={typeof cell === 'number' ? 'num' : undefined}>{show(cell)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {result.rows.length === 0 && <p className="muted small">{t('sandbox.result.noRows')}</p>}
    </div>
  );
}
