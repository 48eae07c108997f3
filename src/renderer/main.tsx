import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { chooseApi } from './api/chooseApi';
import { RenderPage } from './preview/RenderPage';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html: the <div id="root"> the renderer mounts into is missing');
const still = new URLSearchParams(window.location.search).get('render');

createRoot(root).render(
  <StrictMode>{still === null ? <App api={chooseApi()} /> : <RenderPage slideId={still} />}</StrictMode>,
);
