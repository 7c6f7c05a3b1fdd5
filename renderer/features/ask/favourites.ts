import type { Settings } from '../../../shared/domain';
import { ami } from '../../api/ami-api';

/** Stars or unstars a model; the favourites live in Settings so every picker and the next session see them. */
export async function toggleFavourite(settings: Settings, ref: string, onSettings: (s: Settings) => void): Promise<void> {
  const has = settings.favouriteModels.includes(ref);
  const favouriteModels = has ? settings.favouriteModels.filter((r) => r !== ref) : [ref, ...settings.favouriteModels];
  const result = await ami['settings:update']({ favouriteModels });
  if (result.ok) onSettings(result.value);
}
