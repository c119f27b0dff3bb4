import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { startRouter } from './lib/router/index.ts';
import { restoreSession } from './lib/session.svelte.ts';

startRouter();
void restoreSession();

export default mount(App, { target: document.getElementById('app')! });
