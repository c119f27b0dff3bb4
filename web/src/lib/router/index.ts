export { route, navigate, setQuery, match, path, startRouter, setLeaveGuard } from './router.svelte.ts';
