import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";

// Component tests run in the users' time zone (UTC+5), where the UTC date is yesterday's
// until 05:00: a date taken from `toISOString()` is caught.
if (process.env.VITEST) process.env.TZ = "Asia/Almaty";

const assets = fileURLToPath(new URL("../assets", import.meta.url));

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // The dev server only serves `tauri dev`; the app itself loads the built files.
  server: { port: 5173, strictPort: true, fs: { allow: [".", assets] } },
  resolve: {
    alias: { $assets: assets },
    // Component tests must mount Svelte's browser build, not the server one.
    ...(process.env.VITEST ? { conditions: ["browser"] } : {}),
  },
  build: {
    target: "safari15",
    // Fonts stay files, never data: URLs, so the CSP can keep font-src 'self'.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
  },
});
