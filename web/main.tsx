/** Entry point: installs the entity palette as CSS variables and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { installEntityColors } from './theme/entity-colors.js';
import './styles.css';

installEntityColors();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
