import type { NodeId } from '../../core/ledger/merkle-node.js';

/**
 * In-order position of a perfect subtree in the flattened tree: leaves sit at even positions,
 * a level-L node over leaves [i·2^L, (i+1)·2^L) at i·2^(L+1) + 2^L − 1. One integer key per node
 * keeps proof look-ups to a single indexed `IN (…)`; positions stay below 2·size.
 */
export function nodePosition(id: NodeId): number {
  const span = 2 ** id.level;
  return id.index * span * 2 + span - 1;
}
