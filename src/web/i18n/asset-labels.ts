import { impactDegrees, impactObjects } from '../api/asset-types';
import { keyed } from './catalog-labels';

// The asset registry's values (connector console), mapped to their catalog keys. The names of
// GB/T 43697-2024's impact objects and degrees are copied from src/core/metadata/classification.ts
// (the console imports no core code).

/** 影响对象 of the impact assessment (§6.4). */
export const impactObjectLabels = keyed('assets.impact.object', impactObjects);

/** 影响程度: 特别严重危害, 严重危害, 一般危害, 无危害. */
export const impactDegreeLabels = keyed('assets.impact.degree', impactDegrees);

export const sourceKindLabels = keyed('assets.source.kind', ['file', 'table', 'http-api']);

export const visibilityScopeLabels = keyed('assets.visibility.scope', ['public', 'members', 'restricted', 'named']);
