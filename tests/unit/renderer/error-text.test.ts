// A coded error from main is said in the interface language of the moment, so a failure stored while Ami spoke
// English reads in French after a switch; an error without a code keeps its own message.
import { afterEach, describe, expect, it } from 'vitest';
import { errorText } from '../../../renderer/components/error-text';
import { i18n } from '../../../renderer/i18n';
import { errorMessage } from '../../../shared/error-messages';
import type { AmiError } from '../../../shared/domain';

const rateLimited: AmiError = {
  kind: 'rate_limited',
  code: 'provider.rate_limited_in',
  params: { model: 'mistralai/mistral-small', seconds: 30 },
  message: errorMessage('provider.rate_limited_in', { model: 'mistralai/mistral-small', seconds: 30 }, 'en'),
};

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('errorText', () => {
  it('says a coded error in the current interface language, with its params', async () => {
    await i18n.changeLanguage('en');
    expect(errorText(rateLimited)).toBe('mistralai/mistral-small is rate-limited right now (too many requests). Ask again in 30 seconds.');
    await i18n.changeLanguage('fr');
    const french = errorText(rateLimited);
    expect(french).toContain('mistralai/mistral-small');
    expect(french).toContain('Reposez la question dans 30 secondes.');
    expect(french).not.toBe(rateLimited.message);
  });

  it('keeps the message of an error that has no code, or a code this version does not know', async () => {
    await i18n.changeLanguage('fr');
    expect(errorText({ kind: 'internal', message: 'Something odd.' })).toBe('Something odd.');
    expect(errorText({ kind: 'internal', message: 'From a newer Ami.', code: 'future.code' as never })).toBe('From a newer Ami.');
  });
});
