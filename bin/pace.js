#!/usr/bin/env node
// The `pace` command. `npm ci` compiles the TypeScript to dist/ and bundles the command into
// dist/bundle/ (the prepare script, `npm run build`; scripts/bundle-cli.mjs says why).
import '../dist/bundle/pace.js';
