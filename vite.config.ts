import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: served from the app:// protocol in Electron and from 127.0.0.1 in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
