#!/usr/bin/env node
// The `pace` command. The TypeScript is compiled to dist/ by `npm ci` (the prepare script).
import { keepColumnsInSharedMemory } from '../dist/app/kept-columns-memory.js';
import { main } from '../dist/cli/main.js';

// Figures' columns out of V8's external-memory trigger (docs/decisions/0022-fast-figures.md, "Fifth pass").
keepColumnsInSharedMemory();
process.exitCode = await main(process.argv);
