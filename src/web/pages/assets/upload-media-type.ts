/** The Content-Type the connector reads each upload format by, from the file's extension. */
const mediaTypes: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
};

/** The file input's `accept`: the extensions the connector can read. */
export const uploadAccept = Object.keys(mediaTypes).map((e) => `.${e}`).join(',');

/** `text/csv` for `用电.CSV`; undefined for a format the connector does not read. */
export function uploadMediaType(fileName: string): string | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension ? mediaTypes[extension] : undefined;
}

/** A resource name from the file name: `企业用电数据.csv` → `企业用电数据`. */
export const nameFromFile = (fileName: string): string => fileName.replace(/\.[A-Za-z0-9]+$/, '').trim();
