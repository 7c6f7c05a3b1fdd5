// links:open in Electron: a link from a reply opens in the system browser only if it is https: and the author
// confirmed it after seeing the full address.
import { fail } from './services/ami-error.js';
import { isSafeExternalUrl } from './window-config.js';

export interface OpenLinkDeps {
  confirm(url: string): Promise<boolean>;
  openExternal(url: string): Promise<void>;
}

export function createOpenLink(deps: OpenLinkDeps): (url: string) => Promise<{ opened: boolean }> {
  return async (url) => {
    if (!isSafeExternalUrl(url)) fail('validation', 'Ami opens only https: links without a user name or password.');
    if (!(await deps.confirm(url))) return { opened: false };
    await deps.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (https: only, checked above, and confirmed)
    return { opened: true };
  };
}
