// What every service receives: side effects enter through parameters so tests pass real SQLite and a fake server.
import { createHash, randomUUID } from 'node:crypto';
import type { AmiEvent } from '../../shared/domain.js';
import type { Store } from '../db/store.js';
import type { LlmClient } from '../llm/llm-client.js';
import type { KeyStore } from './key-store.js';

export interface ServiceContext {
  store: Store;
  llm: LlmClient;
  keyStore: KeyStore;
  emit: (event: AmiEvent) => void;
  now: () => Date;
  newId: () => string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
export const newId = (): string => randomUUID();
