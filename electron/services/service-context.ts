// What every service receives: side effects enter through parameters so tests pass real SQLite and a fake server.
import { createHash, randomUUID } from 'node:crypto';
import type { AmiEvent, UiLanguageChoice } from '../../shared/domain.js';
import type { Store } from '../db/store.js';
import type { LlmClient } from '../llm/llm-client.js';
import type { EndpointKeys, KeyStore } from './key-store.js';

export interface ServiceContext {
  store: Store;
  llm: LlmClient;
  keyStore: KeyStore;
  /** Keys of the endpoints the author added; absent where none can be stored. */
  endpointKeys?: EndpointKeys;
  emit: (event: AmiEvent) => void;
  now: () => Date;
  newId: () => string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Told when the author picks another interface language, so that main's own menus and dialogs follow. */
  onUiLanguage?: (choice: UiLanguageChoice) => void;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
export const newId = (): string => randomUUID();
