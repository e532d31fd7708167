import type { Asset, AssetUpdate } from '../../api/asset-types';
import { classificationChange, classificationFormFrom, type ClassificationForm } from './classification-form-state';
import { dictionaryChange, fieldFormsFrom, type FieldForm } from './dictionary-form-state';
import { clearedMembers, metadataChanges, metadataFormFrom, type MetadataForm } from './metadata-form-state';

/** Everything the asset page edits before one save: metadata, dictionary, classification. */
export interface AssetForm {
  metadata: MetadataForm;
  fields: FieldForm[];
  classification: ClassificationForm;
}

export function assetFormFrom(asset: Asset): AssetForm {
  return {
    metadata: metadataFormFrom(asset.entry),
    fields: fieldFormsFrom(asset.entry),
    classification: classificationFormFrom(asset.classification, asset.entry.classification),
  };
}

/** The PATCH body: a new version based on the asset's current one. */
export function assetUpdate(asset: Asset, form: AssetForm): AssetUpdate {
  const classification = classificationChange(form.classification);
  return {
    version: asset.version,
    entry: { ...metadataChanges(asset.entry, form.metadata), dictionary: dictionaryChange(asset.entry, form.fields) },
    clear: clearedMembers(form.metadata),
    ...(classification ? { classification } : {}),
  };
}

/** True when the form differs from what the asset holds (compared as the PATCH body would send it). */
export function isDirty(asset: Asset, form: AssetForm): boolean {
  return JSON.stringify(form) !== JSON.stringify(assetFormFrom(asset));
}
