import { domAnimation, LazyMotion } from 'framer-motion';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { chooseApi } from './api/chooseApi';
import { RenderPage } from './preview/RenderPage';
import './styles.css';

const root = document.getElementById('root');
// Why: a host whose show did not start ends the page with the reason instead of the root; that stays on screen.
const startFailed = root === null && document.querySelector('.start-failed') !== null;
if (root === null && !startFailed) {
  throw new Error('index.html: the <div id="root"> the renderer mounts into is missing');
}
const still = new URLSearchParams(window.location.search).get('render');

if (root !== null) {
  // Why: slides only animate (variants, enter and exit); `m` with the domAnimation features leaves framer-motion's
  // layout, drag and pan code out of the bundle (51 KB of 541), `strict` makes a stray `motion.*` fail loudly.
  createRoot(root).render(
    <StrictMode>
      <LazyMotion features={domAnimation} strict>
        {still === null ? <App api={chooseApi()} /> : <RenderPage slideId={still} />}
      </LazyMotion>
    </StrictMode>,
  );
}
