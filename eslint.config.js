// The lint CI runs (`npm run lint`): typescript-eslint's recommended rules on the hand-written
// code; generated/ is checked by its own tests (prettier layout, strict compilation).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'generated/', 'test/snapshots/', 'node_modules/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused bindings are tsc's job (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
);
