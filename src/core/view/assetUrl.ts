/** The URL of a playlist asset: `https://` refs and the host's `/cache/…` paths as they are, relative refs under the view's asset base. */
export function assetUrl(ref: string, assetBase: string): string {
  if (/^https:\/\//i.test(ref)) return ref;
  // Why: the host rewrites remote refs to its offline cache (`/cache/<encoded URL>`), already a URL path.
  if (ref.startsWith('/cache/')) return ref;
  const base = assetBase.endsWith('/') ? assetBase : `${assetBase}/`;
  const path = ref
    .replace(/^\.?\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `${base}${path}`;
}
