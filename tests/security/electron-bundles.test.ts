// What `npm run build` hands to Electron. A sandboxed preload has no Node: its `require` knows 'electron' and a few
// polyfilled modules only, and cannot load a second file. So dist/electron/preload.cjs must be one CommonJS file
// whose only require is 'electron'; it is parsed here, then run in an empty V8 context with a stand-in Electron.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { CHANNELS } from '../../shared/contract.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../electron/ipc/ipc-channels.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/window-config.js';

const dist = join(import.meta.dirname, '..', '..', 'dist');

function built(path: string): string {
  const file = join(dist, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  return readFileSync(file, 'utf8');
}

/** Every require(…) and import(…) call and every import/export statement in a script, from its syntax tree. */
function moduleReferences(code: string) {
  const source = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const requires: string[] = [];
  const dynamic: string[] = [];
  const esm: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [arg] = node.arguments;
      if (ts.isIdentifier(callee) && callee.text === 'require') {
        if (arg && ts.isStringLiteralLike(arg)) requires.push(arg.text);
        else dynamic.push(`require(${arg ? arg.getText(source) : ''})`);
      }
      if (callee.kind === ts.SyntaxKind.ImportKeyword) dynamic.push(`import(${arg ? arg.getText(source) : ''})`);
    }
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isExportAssignment(node)) esm.push(node.getText(source).slice(0, 80));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { requires, dynamic, esm };
}

describe('dist/electron/preload.cjs', () => {
  const code = built('electron/preload.cjs');

  it('is one CommonJS file whose only require is electron', () => {
    const refs = moduleReferences(code);
    expect([...new Set(refs.requires)]).toEqual(['electron']);
    expect(refs.dynamic).toEqual([]);
    expect(refs.esm).toEqual([]);
  });

  it('runs without Node and exposes window.ami, one function per channel, over ami:call only', async () => {
    const exposed: [string, Record<string, unknown>][] = [];
    const invoked: unknown[][] = [];
    const subscribed: string[] = [];
    const required: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push([key, api]) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, value: [] };
        },
        on: (channel: string) => subscribed.push(channel),
        removeListener: () => {},
        send: () => {
          throw new Error('the preload must not use ipcRenderer.send');
        },
      },
    };
    const module = { exports: {} };
    // A fresh context has the language's built-ins only: no process, Buffer, require or Node globals.
    const context = vm.createContext({
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return electron;
      },
    });
    vm.runInContext(code, context, { filename: 'preload.cjs' });

    expect(required).toEqual(['electron']);
    expect(exposed.map(([key]) => key)).toEqual(['ami']);
    const api = exposed[0]![1];
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onEvent'].sort());
    await (api['drafts:list'] as (input: unknown) => Promise<unknown>)({ trashed: false });
    expect(invoked).toEqual([[CALL_CHANNEL, 'drafts:list', { trashed: false }]]);
    (api.onEvent as (l: () => void) => () => void)(() => {});
    expect(subscribed).toEqual([EVENT_CHANNEL]);
  });
});

describe('dist/electron/main.cjs', () => {
  const code = built('electron/main.cjs');

  it('is CommonJS that loads only Electron, the two native or runtime packages, and Node built-ins', () => {
    const refs = moduleReferences(code);
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const external = [...new Set(refs.requires)].filter((name) => !builtins.has(name)).sort();
    expect(external).toEqual(['better-sqlite3', 'electron', 'openai']);
    expect(refs.esm).toEqual([]);
  });

  it('loads its preload from the bundle next to it', () => {
    expect(code).toContain('"preload.cjs"');
    expect(existsSync(join(dist, 'electron', 'preload.cjs'))).toBe(true);
  });
});

describe('dist/renderer/index.html', () => {
  const html = built('renderer/index.html');

  it('has no inline script: every script is a file the CSP allows', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      // Same origin: a relative path, never a scheme or a protocol-relative URL.
      expect(attributes).toMatch(/\bsrc="(?![a-z][a-z0-9+.-]*:|\/\/)[^"]+\.js"/i);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers either
  });

  it('carries the same policy in its meta tag (less frame-ancestors, which a meta tag cannot set)', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta).toBe(withoutFrameAncestors);
  });
});
