/**
 * The scalar functions and operators a sandbox query may call, by DuckDB name. An allow list, not
 * a deny list: anything DuckDB adds (a file reader, a network call, a setting) is refused until
 * someone puts it here. Nothing here reads outside the row it is given, depends on a setting,
 * draws randomness (which would make the differencing check see a different query), or fails on
 * particular values (an error that depends on the data is an oracle: `ln(x - 1234.5)` fails only if
 * some row holds 1234.5), which is also why casts are always printed as TRY_CAST.
 */

/** Operators DuckDB writes as functions (`is_operator`), with the SQL to print between operands. */
export const infixOperators: Readonly<Record<string, string>> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '//': '//',
  '%': '%',
  '||': '||',
  '~~': 'LIKE',
  '!~~': 'NOT LIKE',
  '~~*': 'ILIKE',
  '!~~*': 'NOT ILIKE',
};

const scalar = [
  // numbers
  'abs', 'round', 'floor', 'ceil', 'ceiling', 'sign', 'greatest', 'least', 'nullif', 'isnan', 'isinf',
  // dates and times
  'date_trunc', 'date_part', 'datepart', 'year', 'month', 'quarter', 'day', 'dayofweek', 'isodow', 'week', 'strftime', 'last_day',
  // text
  'lower', 'upper', 'substr', 'substring', 'left', 'right', 'length', 'trim', 'ltrim', 'rtrim', 'concat', 'starts_with', 'ends_with', 'contains', 'prefix', 'suffix',
] as const;

export const scalarFunctions: ReadonlySet<string> = new Set(scalar);

/** Casts may go to these DuckDB type ids (DECIMAL keeps its width and scale). */
export const castTypes: ReadonlySet<string> = new Set(['BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL', 'VARCHAR', 'DATE', 'TIMESTAMP', 'TIME', 'INTERVAL']);

/** The aggregates DuckDB names differently from ours. */
export const aggregateAliases: Readonly<Record<string, string>> = { mean: 'avg', stddev: 'stddev_samp', variance: 'var_samp' };

export const comparisonOperators: Readonly<Record<string, string>> = {
  COMPARE_EQUAL: '=',
  COMPARE_NOTEQUAL: '<>',
  COMPARE_LESSTHAN: '<',
  COMPARE_GREATERTHAN: '>',
  COMPARE_LESSTHANOREQUALTO: '<=',
  COMPARE_GREATERTHANOREQUALTO: '>=',
  COMPARE_DISTINCT_FROM: 'IS DISTINCT FROM',
  COMPARE_NOT_DISTINCT_FROM: 'IS NOT DISTINCT FROM',
};
