import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FIRST_EXAMPLE } from './core/index.ts';
import { initAppStore } from './state/store.ts';
import { App } from './ui/App.tsx';
import './styles.css';

const store = initAppStore({ source: FIRST_EXAMPLE.source });
const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App store={store} /></StrictMode>);
