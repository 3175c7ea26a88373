import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// One copy of each bpmn-io package: two diagram-js copies break the injector ("No provider for
// ..."), two properties-panel copies break Preact contexts.
const bpmnPackages = ['diagram-js', 'bpmn-js', '@bpmn-io/properties-panel'];

export default defineConfig({
  plugins: [vue()],
  resolve: { dedupe: bpmnPackages },
  server: {
    proxy: { '/api': { target: process.env.BATON_API_URL ?? 'http://localhost:3000', changeOrigin: true } },
  },
  build: {
    // The browser test reads the manifest to size the modeler route's chunks.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    rollupOptions: {
      output: {
        // Name the chunk the viewer and the modeler share after what it is: bpmn-js's viewer core.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('/bpmn-js/lib/NavigatedViewer')) &&
          !chunk.moduleIds.some((id) => id.includes('/pages/'))
            ? 'assets/bpmn-viewer-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
});
