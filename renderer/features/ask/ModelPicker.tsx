// The model picker: an ARIA combobox over the catalogue of every endpoint. Typing searches names and ids; arrows
// move, Enter picks, Escape closes. Favourites and recently used models come first. An id that is not in the
// catalogue can still be typed and used (a model newer than the cache).
import { memo, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deprecation, estimateTokens, formatContext, priceLabel, type ModelInfo } from '../../../shared/pricing';
import { modelKey, type Settings } from '../../../shared/domain';
import { errorText } from '../../components/error-text';
import { formatDateTime, formatNumber, formatShortDate } from '../../components/format';
import { buildIndex, filterIndex } from './model-search';
import { useCatalogue } from './useCatalogue';
import { t as translate } from '../../i18n';

export interface ModelChoice {
  endpointId: string;
  model: string;
}

interface Props {
  value: ModelChoice;
  onChange: (value: ModelChoice) => void;
  settings: Pick<Settings, 'endpoints' | 'favouriteModels' | 'recentModels'>;
  onToggleFavourite: (ref: string) => void;
  id?: string;
  label: string;
  /** Characters of the messages that would be sent now, when known: warns when they exceed the model's context. */
  sentChars?: number | null;
  /** Called when the list opens, for the owner to refresh what it measures. */
  onOpen?: () => void;
}

/** Options rendered at once: enough to scroll through, few enough to render within a frame. */
export const SHOWN_OPTIONS = 60;

const PRICE_KEYS = { local: 'catalogue.local', free: 'catalogue.free', variable: 'catalogue.variable', unknown: 'catalogue.unknownPrice' } as const;

export function priceText(m: ModelInfo): string {
  const p = priceLabel(m);
  if (p.kind === 'paid') return translate('catalogue.price', { input: p.input, output: p.output });
  return translate(PRICE_KEYS[p.kind]);
}

export function ModelPicker({ value, onChange, settings, onToggleFavourite, id = 'ask-model', label, sentChars, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { catalogue, loading, error, ensure, refresh } = useCatalogue();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = `${useId()}-list`;
  const names = useMemo(() => new Map(settings.endpoints.map((e) => [e.id, e.name])), [settings.endpoints]);
  const index = useMemo(
    () => buildIndex(catalogue?.models ?? [], settings.favouriteModels, settings.recentModels, names),
    [catalogue, settings.favouriteModels, settings.recentModels, names],
  );
  // Filtering is one pass over the ready index and at most SHOWN_OPTIONS are rendered, so the list is updated in the
  // same frame as the text (deferring it cost a second frame per keystroke in the picker bench).
  // Each model's line of facts is written once per catalogue and language, not per keystroke: a row then only
  // prints strings, and rows whose props did not change are not rendered again.
  const facts = useMemo(() => {
    const out = new Map<string, string>();
    for (const e of index.entries) {
      const m = e.model;
      out.set(
        e.ref,
        `${names.get(m.endpointId) ?? m.endpointId} · ${priceText(m)}` +
          (m.contextLength ? ` · ${translate('catalogue.context', { tokens: formatContext(m.contextLength) })}` : ''),
      );
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, names, i18n.language]);
  const search = query ?? '';
  const { shown, total } = useMemo(() => filterIndex(index, search, SHOWN_OPTIONS), [index, search]);
  const ref = modelKey(value.endpointId, value.model);
  const chosen = index.byRef.get(ref)?.model ?? null;
  const favourite = settings.favouriteModels.includes(ref);
  const now = new Date();

  const show = () => {
    ensure();
    onOpen?.();
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(0);
  };
  const pick = (m: ModelInfo) => {
    onChange({ endpointId: m.endpointId, model: m.id });
    close();
  };
  // One function for every row across renders, so that a memoised row is not drawn again for a new callback.
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const onPick = useCallback((m: ModelInfo) => pickRef.current(m), []);

  const optionId = (i: number) => `${listId}-${i}`;
  const tokens = sentChars ? estimateTokens(sentChars) : null;
  const tooLong = chosen?.contextLength && tokens !== null && tokens > chosen.contextLength;
  const expiry = chosen ? deprecation(chosen.expirationDate, now) : null;
  const offline = catalogue?.endpoints.filter((e) => e.offline) ?? [];

  return (
    <div className="field model-picker">
      <label htmlFor={id}>{label}</label>
      <div className="model-picker-row">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown.length ? optionId(Math.min(active, shown.length - 1)) : undefined}
          placeholder={t('catalogue.search')}
          value={query ?? value.model}
          spellCheck={false}
          autoComplete="off"
          // The whole id is selected on entering the field, so typing starts a new search instead of appending.
          onFocus={(e) => {
            ensure();
            e.currentTarget.select();
          }}
          onClick={(e) => {
            if (open) return;
            e.currentTarget.select();
            show();
          }}
          onBlur={() => {
            // A typed id is kept as the choice: a model the catalogue does not list yet.
            if (query !== null && query.trim() && query.trim() !== value.model) onChange({ endpointId: value.endpointId, model: query.trim() });
            close();
          }}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            if (!open) show();
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (!open) return show();
              const n = shown.length;
              if (n) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
            } else if (e.key === 'Enter' && open) {
              e.preventDefault();
              const m = shown[Math.min(active, shown.length - 1)]?.model;
              if (m) pick(m);
              else if (query?.trim()) {
                onChange({ endpointId: value.endpointId, model: query.trim() });
                close();
              }
            } else if (e.key === 'Escape' && open) {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        />
        <button
          type="button"
          className="quiet star"
          aria-pressed={favourite}
          aria-label={favourite ? t('catalogue.removeFavourite', { model: value.model }) : t('catalogue.addFavourite', { model: value.model })}
          title={favourite ? t('catalogue.removeFavourite', { model: value.model }) : t('catalogue.addFavourite', { model: value.model })}
          disabled={!value.model.trim()}
          onClick={() => onToggleFavourite(ref)}
        >
          {favourite ? '★' : '☆'}
        </button>
      </div>
      <ul id={listId} role="listbox" aria-label={t('catalogue.list')} className="model-options" hidden={!open} data-query={search}>
        {open && loading && !catalogue && <li className="muted">{t('catalogue.loading')}</li>}
        {open &&
          shown.map((e, i) => (
            <ModelOption
              key={e.ref}
              id={optionId(i)}
              model={e.model}
              facts={facts.get(e.ref) ?? ''}
              favourite={e.favourite}
              recent={e.recent}
              active={i === Math.min(active, shown.length - 1)}
              onPick={onPick}
            />
          ))}
        {open && catalogue && total === 0 && query?.trim() && <li className="muted">{t('catalogue.none', { query: query.trim() })}</li>}
        {open && total > shown.length && <li className="muted small">{t('catalogue.more', { count: total - shown.length })}</li>}
      </ul>
      <p className="model-summary muted small" aria-live="polite">
        {chosen ? (
          <>
            {names.get(chosen.endpointId) ?? chosen.endpointId} · {priceText(chosen)}
            {chosen.contextLength ? ` · ${t('catalogue.context', { tokens: formatContext(chosen.contextLength) })}` : ''}
          </>
        ) : (
          catalogue && value.model.trim() && <span className="notice-inline">{t('catalogue.notInCatalogue')}</span>
        )}
      </p>
      {tooLong && (
        <p className="notice" role="status">
          {t('catalogue.tooLong', { tokens: formatNumber(tokens!), limit: formatNumber(chosen!.contextLength!) })}
        </p>
      )}
      {expiry && (
        <p className="notice" role="status">
          {t(expiry === 'past' ? 'catalogue.expired' : 'catalogue.expiresSoon', { date: formatShortDate(chosen!.expirationDate!) })}
        </p>
      )}
      <CatalogueStatus catalogue={catalogue} error={error} onRefresh={refresh} loading={loading} offline={offline.length > 0} />
    </div>
  );
}

interface OptionProps {
  id: string;
  model: ModelInfo;
  facts: string;
  favourite: boolean;
  recent: boolean;
  active: boolean;
  onPick: (m: ModelInfo) => void;
}

const ModelOption = memo(function ModelOption({ id, model, facts, favourite, recent, active, onPick }: OptionProps) {
  const { t } = useTranslation();
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'active' : undefined}
      // Keeps the focus in the input, so blur does not close the list before the click lands.
      onMouseDown={(ev) => ev.preventDefault()}
      onClick={() => onPick(model)}
    >
      <span className="model-name">
        {favourite && <span aria-label={t('catalogue.favourite')}>★ </span>}
        {model.name}
      </span>
      <span className="model-facts muted small">
        <code>{model.id}</code> · {facts}
        {recent && !favourite ? ` · ${t('catalogue.recent')}` : ''}
      </span>
    </li>
  );
});

function CatalogueStatus(props: { catalogue: ReturnType<typeof useCatalogue>['catalogue']; error: ReturnType<typeof useCatalogue>['error']; loading: boolean; offline: boolean; onRefresh: () => void }) {
  const { t } = useTranslation();
  const { catalogue } = props;
  if (!catalogue && !props.error) return null;
  return (
    <div className="catalogue-status small muted">
      {catalogue?.endpoints.map((e) => (
        <p key={e.id}>
          {e.fetchedAt ? (
            t('catalogue.endpointStatus', { endpoint: e.name, status: t(e.offline ? 'catalogue.offline' : 'catalogue.fetched', { date: formatDateTime(e.fetchedAt) }) })
          ) : (
            t('catalogue.noCatalogue', { endpoint: e.name })
          )}
          {e.error && <span role="status"> — {errorText(e.error)}</span>}
          {e.truncated && <span> — {t('catalogue.truncated', { endpoint: e.name, listed: formatNumber(e.truncated.listed), kept: formatNumber(e.truncated.kept) })}</span>}
        </p>
      ))}
      {props.error && <p role="status">{errorText(props.error)}</p>}
      <button type="button" className="quiet small" disabled={props.loading} onClick={props.onRefresh}>
        {props.loading ? t('catalogue.loading') : t('catalogue.refresh')}
      </button>
    </div>
  );
}
