import type Database from 'better-sqlite3';
import { m001Initial } from './001-initial.js';
import { m002UnnumberFailedRequests } from './002-unnumber-failed-requests.js';
import { m003OpinionGroups } from './003-opinion-groups.js';
import { m004ReplyCostSource } from './004-reply-cost-source.js';
import { m005ModelCatalogue } from './005-model-catalogue.js';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

/** Append only: migration N sets user_version N. Never edit a migration that has shipped. */
export const MIGRATIONS: Migration[] = [m001Initial, m002UnnumberFailedRequests, m003OpinionGroups, m004ReplyCostSource, m005ModelCatalogue];
