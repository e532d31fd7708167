import { useState } from 'react';
import type { Asset } from '../../api/asset-types';
import { assetFormFrom, isDirty, type AssetForm } from './asset-form-state';

/**
 * The asset page's edits, kept against the version they started from (`base`). A newer version
 * replaces an untouched form; with edits pending the form stays and `stale` says the save will be
 * refused (asset.version-conflict) until the person discards them or reloads.
 */
export function useAssetForm(asset: Asset) {
  const [state, setState] = useState(() => ({ base: asset, form: assetFormFrom(asset) }));
  const dirty = isDirty(state.base, state.form);
  if (asset.version !== state.base.version && !dirty) {
    // Adjusting state while rendering (React's pattern for derived resets): the new version shows at once.
    setState({ base: asset, form: assetFormFrom(asset) });
  }
  return {
    form: state.form,
    base: state.base,
    dirty,
    stale: asset.version !== state.base.version,
    update(change: (form: AssetForm) => AssetForm) {
      setState((s) => ({ ...s, form: change(s.form) }));
    },
    /** Starts again from `next` (after a save, or to drop edits made on an old version). */
    reset(next: Asset) {
      setState({ base: next, form: assetFormFrom(next) });
    },
  };
}

export type AssetFormState = ReturnType<typeof useAssetForm>;
