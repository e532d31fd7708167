import { describe, expect, it } from 'vitest';
import type { AssetPublication } from '../../api/asset-types';
import { assetVersionText } from './asset-version';

describe('the version the resources list shows', () => {
  it('is the catalog’s version once published, whatever the number of local saves', () => {
    const publication = { version: 1 } as AssetPublication;
    expect(assetVersionText({ version: 2, publication })).toEqual(['catalog.versionValue', { version: 1 }]);
  });

  it('is a revision, not a version, while nothing was published', () => {
    expect(assetVersionText({ version: 2 })).toEqual(['assets.revision', { revision: 2 }]);
  });
});
