// What an error says in the interface language: a coded error from main is said from its template, so a failure
// stored in English reads in French after a switch; an uncoded one keeps the message it came with.
import type { AmiError } from '../../shared/domain';
import { errorMessage, isErrorCode } from '../../shared/error-messages';
import { uiLanguage } from '../i18n';

export function errorText(error: AmiError): string {
  return isErrorCode(error.code) ? errorMessage(error.code, error.params ?? {}, uiLanguage()) : error.message;
}
