export { route, navigate, setQuery, match, path, startRouter } from './router.svelte.ts';
