// The Electron key store on a real file: the key is only ever written encrypted (never in clear), readable by its
// owner only, and the author is told when Linux falls back to Electron's fixed-password storage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AmiFailure } from '../../electron/services/ami-error.js';
import { ENCRYPTION_UNAVAILABLE_MESSAGE, safeStorageKeyStore, type SafeStorageLike } from '../../electron/services/safe-storage-key-store.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'sk-or-v1-0123456789abcdef-secret';

/** Stands in for Electron's safeStorage: a reversible transform, so a clear-text key would be visible on disk. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  let decrypts = 0;
  const storage: SafeStorageLike & { decrypts(): number } = {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (plain) => Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]),
    decryptString: (encrypted) => {
      decrypts += 1;
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    decrypts: () => decrypts,
  };
  return storage;
}

let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir('ami-key-');
  file = join(dir.path, 'profile', 'openrouter-key.enc');
});
afterEach(() => dir.cleanup());

describe('safeStorageKeyStore', () => {
  it('stores the key encrypted, readable by its owner only, and reads it back in a new session', () => {
    const store = safeStorageKeyStore({ safeStorage: fakeSafeStorage(), file, env: {}, platform: 'linux' });
    store.set(`  ${KEY}\n`);
    const onDisk = readFileSync(file);
    expect(onDisk.toString('utf8')).not.toContain(KEY);
    expect(onDisk.includes(Buffer.from(KEY))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.get()).toBe(KEY);

    const later = safeStorageKeyStore({ safeStorage: fakeSafeStorage(), file, env: {}, platform: 'linux' });
    expect(later.get()).toBe(KEY);
    expect(later.status()).toEqual({ set: true, source: 'stored', storage: 'keyring' });
  });

  it('asks the keyring once per session', () => {
    const storage = fakeSafeStorage();
    safeStorageKeyStore({ safeStorage: storage, file, env: {} }).set(KEY);
    const store = safeStorageKeyStore({ safeStorage: storage, file, env: {} });
    store.get();
    store.get();
    store.status();
    expect(storage.decrypts()).toBe(1);
  });

  it('refuses to store anything when the system cannot encrypt, and writes no file', () => {
    const store = safeStorageKeyStore({ safeStorage: fakeSafeStorage({ available: false }), file, env: {} });
    let thrown: unknown;
    try {
      store.set(KEY);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AmiFailure);
    expect((thrown as AmiFailure).error).toMatchObject({ kind: 'unsupported', message: ENCRYPTION_UNAVAILABLE_MESSAGE });
    expect(existsSync(file)).toBe(false);
    expect(store.get()).toBeNull();
    expect(store.status()).toEqual({ set: false, source: null, storage: 'unavailable' });
  });

  it('says so when Linux has no keyring and Electron falls back to its fixed password', () => {
    const store = safeStorageKeyStore({ safeStorage: fakeSafeStorage({ backend: 'basic_text' }), file, env: {}, platform: 'linux' });
    expect(store.status()).toEqual({ set: false, source: null, storage: 'basic_text' });
    store.set(KEY);
    expect(store.status()).toEqual({ set: true, source: 'stored', storage: 'basic_text' });
    // The backend name only matters on Linux.
    expect(safeStorageKeyStore({ safeStorage: fakeSafeStorage({ backend: 'basic_text' }), file, env: {}, platform: 'darwin' }).status().storage).toBe('keyring');
  });

  it('prefers OPENROUTER_API_KEY from the environment, without touching the stored key', () => {
    const storage = fakeSafeStorage();
    safeStorageKeyStore({ safeStorage: storage, file, env: {} }).set(KEY);
    const store = safeStorageKeyStore({ safeStorage: storage, file, env: { OPENROUTER_API_KEY: ' sk-or-v1-from-env ' } });
    expect(store.get()).toBe('sk-or-v1-from-env');
    expect(store.status()).toEqual({ set: true, source: 'env', storage: 'env' });
    expect(safeStorageKeyStore({ safeStorage: storage, file, env: {} }).get()).toBe(KEY);
  });

  it('forgets the key: the file is removed', () => {
    const store = safeStorageKeyStore({ safeStorage: fakeSafeStorage(), file, env: {} });
    store.set(KEY);
    store.set(null);
    expect(existsSync(file)).toBe(false);
    expect(store.get()).toBeNull();
    expect(store.status()).toMatchObject({ set: false });
  });

  it('refuses an empty key', () => {
    const store = safeStorageKeyStore({ safeStorage: fakeSafeStorage(), file, env: {} });
    expect(() => store.set('   ')).toThrow(AmiFailure);
    expect(existsSync(file)).toBe(false);
  });

  it('ignores a stored key it cannot decrypt (another user or keyring), and says it in the log without the content', () => {
    const logs: string[] = [];
    safeStorageKeyStore({ safeStorage: fakeSafeStorage(), file, env: {} }).set(KEY);
    writeFileSync(file, Buffer.from(`xyz${KEY}`).toString('base64'));
    const store = safeStorageKeyStore({ safeStorage: fakeSafeStorage(), file, env: {}, log: (l) => logs.push(l) });
    expect(store.get()).toBeNull();
    expect(store.status()).toMatchObject({ set: false });
    expect(logs).toEqual(['the stored API key could not be decrypted; it is ignored']);
  });
});
