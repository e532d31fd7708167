import type { ReceivedView } from '../../api/contract-types';
import { fetchReceivedContent } from '../../api/transfers-api';
import { DownloadGroup } from '../../components/DownloadGroup';

const extensions: Record<string, string> = {
  'text/csv': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/vnd.apache.parquet': 'parquet',
};

/** `urn:tds:s:p_1:electricity-2024-1a2b` + text/csv → `electricity-2024-1a2b.csv`. */
export function receivedFileName(item: Pick<ReceivedView, 'datasetId' | 'mediaType'>): string {
  const base = (item.datasetId.split(':').pop() || 'data').replace(/[^\p{L}\p{N}._~-]+/gu, '-');
  return `${base}.${extensions[item.mediaType.split(';')[0]?.trim() ?? ''] ?? 'bin'}`;
}

/** Saves something received as a file, fetched with the session's token. */
export function ReceivedDownload({ item }: { item: ReceivedView }) {
  return <DownloadGroup label="contracts.received.title" bare options={[{ format: 'received', label: 'contracts.received.file', fileName: receivedFileName(item), fetch: () => fetchReceivedContent(item.id) }]} />;
}
