import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CUSTOM_STRATEGY } from './exampleModule';

describe('the example custom strategy', () => {
  it('is printed verbatim in the strategy guide', () => {
    const guide = readFileSync(new URL('../../../docs/strategy-guide.md', import.meta.url), 'utf8');
    expect(guide).toContain(`\`\`\`js\n${EXAMPLE_CUSTOM_STRATEGY}\`\`\``);
  });
});
