import { describe, expect, it } from 'vitest';
import { assetUrl } from '../../../src/core/view/assetUrl';

describe('assetUrl', () => {
  it('keeps the offline cache paths the host rewrites remote refs to', () => {
    const cached = `/cache/${encodeURIComponent('https://cdn.example/logos/a.svg')}`;
    expect(assetUrl(cached, '/media/')).toBe(cached);
    expect(assetUrl('/cache/missing/x', '/media/')).toBe('/cache/missing/x');
  });

  it('resolves relative refs under the asset base and keeps https URLs', () => {
    expect(assetUrl('logos/a b.svg', '/media/')).toBe('/media/logos/a%20b.svg');
    expect(assetUrl('https://cdn.example/a.svg', '/media/')).toBe('https://cdn.example/a.svg');
  });
});
