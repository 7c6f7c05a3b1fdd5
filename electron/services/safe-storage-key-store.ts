// The Electron key store: the key typed by the author is encrypted with the OS keyring through safeStorage and
// kept in a file only main reads. It is never written in plain text: without encryption, storing is refused.
import type { KeyStatus } from '../../shared/domain.js';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomicSync } from '../write-file-atomic.js';
import { fail } from './ami-error.js';
import { envKey, type KeyStore } from './key-store.js';

/** The part of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

export interface KeyFileSystem {
  /** null when the file does not exist. */
  read(path: string): string | null;
  /** Must replace the file atomically and create it readable by its owner only. */
  write(path: string, data: string): void;
  remove(path: string): void;
}

export const nodeKeyFileSystem: KeyFileSystem = {
  read(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  },
  write(path, data) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomicSync(path, data, 0o600);
  },
  remove(path) {
    rmSync(path, { force: true });
  },
};

export interface SafeStorageKeyStoreOptions {
  safeStorage: SafeStorageLike;
  file: string;
  env: NodeJS.ProcessEnv;
  fs?: KeyFileSystem;
  platform?: NodeJS.Platform;
  log?: (line: string) => void;
}

export const ENCRYPTION_UNAVAILABLE_MESSAGE =
  'Ami cannot store the API key here because this system offers no way to encrypt it. ' +
  'Set the OPENROUTER_API_KEY environment variable before starting Ami instead.';

export function safeStorageKeyStore(options: SafeStorageKeyStoreOptions): KeyStore {
  const { safeStorage, file, env } = options;
  const fs = options.fs ?? nodeKeyFileSystem;
  const platform = options.platform ?? process.platform;
  const log = options.log ?? (() => {});
  // Decrypting can ask the OS keyring (a prompt on macOS), so a key read once is kept in memory.
  let cached: { key: string | null } | null = null;

  const fromEnv = () => envKey(env);

  const storage = (): 'keyring' | 'basic_text' | 'unavailable' => {
    if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
    // On Linux without a secret service, Electron falls back to a hard-coded password: say so.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'basic_text';
    return 'keyring';
  };

  const storedKey = (): string | null => {
    if (cached) return cached.key;
    if (!safeStorage.isEncryptionAvailable()) return null;
    const content = fs.read(file);
    let key: string | null = null;
    if (content !== null && content.trim() !== '') {
      try {
        key = safeStorage.decryptString(Buffer.from(content.trim(), 'base64')).trim() || null;
      } catch {
        // A key encrypted by another user or keyring cannot be read: treat it as absent, and say nothing more.
        log('the stored API key could not be decrypted; it is ignored');
      }
    }
    cached = { key };
    return key;
  };

  return {
    get: () => fromEnv() ?? storedKey(),

    set(key) {
      if (key === null) {
        fs.remove(file);
        cached = { key: null };
        return;
      }
      const trimmed = key.trim();
      if (!trimmed) fail('validation', 'The API key is empty.');
      if (!safeStorage.isEncryptionAvailable()) fail('unsupported', ENCRYPTION_UNAVAILABLE_MESSAGE);
      const encrypted = safeStorage.encryptString(trimmed);
      fs.write(file, Buffer.from(encrypted).toString('base64'));
      cached = { key: trimmed };
    },

    status(): KeyStatus {
      if (fromEnv()) return { set: true, source: 'env', storage: 'env' };
      const where = storage();
      if (where === 'unavailable') return { set: false, source: null, storage: 'unavailable' };
      return storedKey() ? { set: true, source: 'stored', storage: where } : { set: false, source: null, storage: where };
    },
  };
}
