import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API server and the socket share one port; in dev, Vite proxies both so the
// client can always talk to its own origin (no CORS, same code in prod).
const target = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // The lazily loaded CodeMirror chunk is ~550 kB on its own; that is expected.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      "/api": { target, changeOrigin: true },
      "/socket.io": { target, ws: true, changeOrigin: true },
    },
  },
});
