// Lint: typescript-eslint plus the architecture's rules — the engine stays pure and
// deterministic, and each layer imports only the layers above it (DESIGN.md "Layers").
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const REACTISH = ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@xyflow/*']

/** Restricts imports of the given folders (by path fragment) and packages. */
function layer(files, forbiddenFolders, extra = {}) {
  const patterns = forbiddenFolders.map((f) => ({
    regex: `^(\\.\\./)+${f}(/|$)`,
    message: `DESIGN.md layers: this layer may not import src/${f}.`,
  }))
  if (extra.packages) patterns.push({ group: extra.packages, message: extra.message ?? 'Not allowed in this layer.' })
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: extra.allowTypeImports ?? false })) }],
    },
  }
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'docs/**'] },
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
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\.{1,2}/|kubernetes-types(/|$))', message: 'src/engine imports nothing outside src/engine (type-only kubernetes-types).' },
          { regex: '^(\\.\\./)+(kubectl|script|lessons|store|ui|app|cli)(/|$)', message: 'DESIGN.md layers: src/engine imports only src/engine.' },
        ],
      }],
    },
  },
  layer(['src/kubectl/**/*.ts'], ['script', 'lessons', 'store', 'ui', 'app', 'cli'], { packages: REACTISH }),
  layer(['src/script/**/*.ts'], ['lessons', 'store', 'ui', 'app', 'cli'], { packages: REACTISH }),
  layer(['src/lessons/**/*.ts'], ['store', 'ui', 'app', 'cli'], { packages: REACTISH }),
  layer(['src/store/**/*.ts'], ['ui', 'app', 'cli'], { packages: ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*'] }),
  layer(['src/ui/**/*.{ts,tsx}'], ['engine', 'kubectl', 'script', 'lessons', 'app', 'cli'], { allowTypeImports: true }),
  layer(['src/cli/**/*.ts'], ['lessons', 'store', 'ui', 'app'], { packages: REACTISH }),
)
