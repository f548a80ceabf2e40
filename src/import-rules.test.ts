import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('imports flow one way: core ← layout ← worker ← state ← render ← ui ← embed ← bench', () => {
  it.each([
    ['src/core/x.ts', "import * as d3 from 'd3';", /free of D3/],
    ['src/core/x.ts', "import { createStore } from 'zustand/vanilla';", /free of state libraries/],
    ['src/layout/x.ts', "import { initAppStore } from '../state/store.ts';", /must not import from src\/state/],
    ['src/core/x.ts', "import { packCircuit } from '../worker/circuit-transfer.ts';", /must not import from src\/worker/],
    ['src/worker/x.ts', "import { initAppStore } from '../state/store.ts';", /must not import from src\/state/],
    ['src/worker/x.ts', "import { createRoot } from 'react-dom/client';", /free of React/],
    ['src/state/x.ts', "import { CircuitView } from '../render/circuit-view.ts';", /must not import from src\/render/],
    ['src/render/x.ts', "import { App } from '../ui/App.tsx';", /must not import from src\/ui/],
    ['src/ui/x.tsx', "import { startBridge } from '../embed/bridge.ts';", /must not import from src\/embed/],
    ['src/embed/x.ts', "import { runCoreBench } from '../bench/core.bench.ts';", /must not import from src\/bench/],
  ])('%s may not %s', async (file, code, message) => {
    const found = await problems(file, `${code}\nexport {};\n`);
    expect(found.join('\n')).toMatch(message);
  });

  it('the allowed direction passes', async () => {
    expect(await problems('src/ui/x.tsx', "import { evaluate } from '../core/index.ts';\nexport const f = evaluate;\n")).toEqual([]);
    expect(await problems('src/state/x.ts', "import { unpackCircuit } from '../worker/circuit-transfer.ts';\nexport const f = unpackCircuit;\n")).toEqual([]);
  });
});
