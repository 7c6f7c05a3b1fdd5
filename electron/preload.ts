// Runs sandboxed before the page: exposes window.ami and nothing else (bundled by scripts/build.mjs, because a
// sandboxed preload can only require 'electron').
import { contextBridge, ipcRenderer } from 'electron';
import { buildAmiApi } from './preload-api.js';

contextBridge.exposeInMainWorld('ami', buildAmiApi(ipcRenderer));
