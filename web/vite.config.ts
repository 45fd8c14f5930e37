import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run web:build` → web/dist, which the platform serves at / (src/http/dashboard.ts).
// `npm run dev --workspace web` proxies the API to a platform started with `npm start`.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
