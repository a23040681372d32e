/** Entry of the standalone public page /transparansi (see pages/transparency/TransparencyPage.tsx). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import TransparencyPage from './pages/transparency/TransparencyPage';
import './pages/transparency/transparency.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root not found');
createRoot(root).render(
  <StrictMode>
    <TransparencyPage />
  </StrictMode>,
);
