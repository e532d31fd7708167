/**
 * The effectiveness dashboard's projection of the evidence ledger (应用成效): counters and one row
 * per counted process, kept up to `metric_watermark.next_index`, the first leaf not yet projected.
 * Days are `YYYY-MM-DD` in the metrics time zone (core/metrics/metrics-day.ts).
 */
export interface MetricWatermarkTable {
  id: number;
  next_index: number;
  updated_at: string;
}

/** Ledger entries per day, type and actor. */
export interface MetricActivityTable {
  day: string;
  type: string;
  actor: string;
  entries: number;
}

export interface MetricAgreementTable {
  id: string;
  dataset_id: string | null;
  provider_did: string | null;
  consumer_did: string | null;
  finalized_at: string | null;
  finalized_day: string | null;
  revoked_at: string | null;
}

export interface MetricTransferTable {
  id: string;
  agreement_id: string | null;
  provider_did: string | null;
  consumer_did: string | null;
  requested_at: string;
  requested_day: string;
  started_at: string | null;
  completed_at: string | null;
  terminated_at: string | null;
  state: string | null;
  state_at: string;
}

export interface MetricSandboxJobTable {
  id: string;
  agreement_id: string | null;
  provider_did: string | null;
  consumer_did: string | null;
  submitted_at: string;
  submitted_day: string;
  state: string | null;
  state_at: string;
  running_since: string | null;
  run_ms: number;
  finished_at: string | null;
}

/** Sandbox running time per day, from the jobs' started and finished entries. */
export interface MetricSandboxRuntimeTable {
  day: string;
  run_ms: number;
}

export interface MetricsTables {
  metric_watermark: MetricWatermarkTable;
  metric_activity: MetricActivityTable;
  metric_agreement: MetricAgreementTable;
  metric_transfer: MetricTransferTable;
  metric_sandbox_job: MetricSandboxJobTable;
  metric_sandbox_runtime: MetricSandboxRuntimeTable;
}
