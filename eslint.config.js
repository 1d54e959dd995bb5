// ESLint: rules that catch real bugs, not style (Prettier owns formatting).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "client/dist/", "data/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its rejection; a promise passed where a void callback is
      // expected (an event handler, forEach) runs unawaited. Both are real bugs in a socket server.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // A switch over a union without a default must name every member: a new error code or check kind is handled, not ignored.
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ["server/**", "scripts/**", "test/**", "*.config.{js,ts}"],
    languageOptions: { globals: globals.node },
  },
  {
    // Kysely's own advice: migrations take Kysely<any>, frozen in time, never the app's current schema type.
    files: ["server/store/*migrations.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Test helpers and benches drive the socket protocol with untyped payloads on purpose (hostile and raw input).
    files: ["test/**", "scripts/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["client/**"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
);
