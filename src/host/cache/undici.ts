// Why: undici is loaded with the first remote fetch (`await import('./undici')`), not at start: a show without
// remote assets or feeds never compiles it. Importing it here, statically, keeps its CommonJS exports named in
// the bundle, which a dynamic import of the package itself would not.
export { Agent, fetch } from 'undici';
