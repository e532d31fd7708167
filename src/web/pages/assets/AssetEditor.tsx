import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/api-error';
import { useUpdateAsset } from '../../api/assets-api';
import type { Asset } from '../../api/asset-types';
import { assetUpdate } from './asset-form-state';
import { classificationProblem } from './classification-form-state';
import { ClassificationCard } from './ClassificationCard';
import { DictionaryEditor } from './DictionaryEditor';
import { MetadataCard } from './MetadataCard';
import { SaveBar } from './SaveBar';
import type { AssetFormState } from './use-asset-form';

/** Metadata, classification and dictionary, saved together as one new version (PATCH with the version they started from). */
export function AssetEditor({ asset, editing }: { asset: Asset; editing: AssetFormState }) {
  const queryClient = useQueryClient();
  const save = useUpdateAsset(asset.id);
  const [saved, setSaved] = useState(false);
  const [checked, setChecked] = useState(false);
  const { form, update } = editing;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setChecked(true);
    if (classificationProblem(form.classification)) {
      document.getElementById('classification-grade')?.focus();
      return;
    }
    save.mutate(assetUpdate(editing.base, form), {
      onSuccess: (next) => {
        editing.reset(next);
        setSaved(true);
      },
      // Someone saved meanwhile: learn the current version so the page can say so.
      onError: (error) => {
        if (isApiError(error) && error.code === 'asset.version-conflict') void queryClient.invalidateQueries({ queryKey: ['assets', 'one', asset.id] });
      },
    });
  };
  const discard = () => {
    save.reset();
    editing.reset(asset);
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={asset.name}>
      <MetadataCard form={form.metadata} onChange={(change) => update((f) => ({ ...f, metadata: change(f.metadata) }))} />
      <ClassificationCard form={form.classification} showProblems={checked} onChange={(change) => update((f) => ({ ...f, classification: change(f.classification) }))} />
      <DictionaryEditor fields={form.fields} piiScan={asset.piiScan} onChange={(change) => update((f) => ({ ...f, fields: change(f.fields) }))} />
      <SaveBar dirty={editing.dirty} stale={editing.stale} saving={save.isPending} saved={saved && !editing.dirty} error={save.error} onDiscard={discard} />
    </form>
  );
}
