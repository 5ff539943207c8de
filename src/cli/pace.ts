/**
 * The `pace` program as bin/pace.js runs it: compiled to dist/cli/pace.js, then bundled with the
 * packages every command loads into dist/bundle/ (scripts/bundle-cli.mjs), so that a command starts
 * without reading hundreds of small module files.
 */
import { keepColumnsInSharedMemory } from '../app/kept-columns-memory.js';
import { main } from './main.js';

// Figures' columns out of V8's external-memory trigger (docs/decisions/0022-fast-figures.md, "Fifth pass").
keepColumnsInSharedMemory();
process.exitCode = await main(process.argv);
