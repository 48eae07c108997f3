#!/usr/bin/env node
// Why: the CLI runs its TypeScript directly through tsx, so `npx marquee` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
