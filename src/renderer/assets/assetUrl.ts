/** The URL of a playlist asset: `https://` refs as they are, relative refs under the view's asset base. */
export function assetUrl(ref: string, assetBase: string): string {
  if (/^https:\/\//i.test(ref)) return ref;
  const base = assetBase.endsWith('/') ? assetBase : `${assetBase}/`;
  const path = ref
    .replace(/^\.?\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `${base}${path}`;
}
