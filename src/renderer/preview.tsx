import { domAnimation, LazyMotion } from 'framer-motion';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PreviewGrid } from './preview/PreviewGrid';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('preview.html: the <div id="root"> the preview mounts into is missing');
createRoot(root).render(
  <StrictMode>
    <LazyMotion features={domAnimation} strict>
      <PreviewGrid />
    </LazyMotion>
  </StrictMode>,
);
