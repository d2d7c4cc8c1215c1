import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const json = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

describe('the toolchain a contributor needs', () => {
  it('names the Node and npm versions, as the build tool asks, and .nvmrc picks one of them', () => {
    const engines = json('package.json').engines;
    expect(engines.node).toBe(json('node_modules/vite/package.json').engines.node);
    expect(engines.npm).toMatch(/^>=\d+/);
    const nvmrc = readFileSync(resolve(root, '.nvmrc'), 'utf8').trim();
    expect(engines.node).toContain(`^${nvmrc}.`);
  });
});
