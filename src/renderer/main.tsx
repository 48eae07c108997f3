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
  createRoot(root).render(
    <StrictMode>{still === null ? <App api={chooseApi()} /> : <RenderPage slideId={still} />}</StrictMode>,
  );
}
