import type { ShowView } from '../../core/view/showView';

/** Fetches `{ views }` from the host's preview endpoint (`api/preview`, relative to the page). */
export async function fetchPreviewViews(url = 'api/preview'): Promise<readonly ShowView[]> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok)
    throw new Error(
      `GET ${url} answered ${res.status}; is this page served by \`marquee serve\` or \`marquee render\`?`,
    );
  const body: unknown = await res.json();
  const views = typeof body === 'object' && body !== null ? (body as { views?: unknown }).views : undefined;
  if (!Array.isArray(views)) throw new Error(`GET ${url} did not answer { views: [...] }`);
  return views as ShowView[];
}
