// Lint: typescript-eslint plus the architecture's rules — the engine stays pure and
// deterministic (no wall clock, Math.random, timers or DOM), and each layer imports only the
// layers above it (DESIGN.md "Layers", eslint-rules/layers.js).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import layers from './eslint-rules/layers.js'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'docs/**'] },
  { files: ['eslint-rules/**/*.js', 'eslint.config.js'], languageOptions: { globals: globals.node } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  // The engine: no wall clock, no Math.random, no timers, no DOM, no UI libraries, nothing
  // outside src/engine except type-only kubernetes-types.
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error',
        ...['Date', 'performance', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame', 'queueMicrotask', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'process', 'crypto']
          .map((name) => ({ name, message: 'src/engine is pure and deterministic: time and randomness live in the cluster state.' })),
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded PRNG in src/engine/sim/rng.ts.' }],
    },
  },
  // Layer imports, resolved to files (eslint-rules/layers.js).
  { files: ['src/**/*.{ts,tsx}'], plugins: { podflow: { rules: { layers } } }, rules: { 'podflow/layers': 'error' } },
)
