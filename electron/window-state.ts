// Where the window was and how big it was, remembered in userData/window-state.json. Restoring must never put the
// window off screen (a monitor unplugged since), so saved bounds are clamped to the displays present now.
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from './write-file-atomic.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface DisplayLike {
  workArea: Rect;
}

export const DEFAULT_SIZE = { width: 1200, height: 820 } as const;
export const MIN_SIZE = { width: 640, height: 480 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Accepts only a well-formed state; anything else (a hand-edited or truncated file) is ignored. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: Partial<Rect>; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds;
  if (![x, y, width, height].every(isFiniteNumber)) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return { bounds: { x: x as number, y: y as number, width: width as number, height: height as number }, maximized: maximized === true };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export interface InitialBounds {
  /** Absent: let the system centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Bounds to open the window with: the saved ones moved and shrunk into the display they overlap most, or a
 * default size centred by the system when they overlap none. */
export function restoreBounds(saved: WindowState | null, displays: readonly DisplayLike[]): InitialBounds {
  const primary = displays[0]?.workArea;
  const fallback = (): InitialBounds => ({
    width: primary ? Math.min(DEFAULT_SIZE.width, primary.width) : DEFAULT_SIZE.width,
    height: primary ? Math.min(DEFAULT_SIZE.height, primary.height) : DEFAULT_SIZE.height,
    maximized: saved?.maximized ?? false,
  });
  if (!saved) return fallback();

  let best: Rect | null = null;
  let bestArea = 0;
  for (const { workArea } of displays) {
    const area = overlapArea(saved.bounds, workArea);
    if (area > bestArea) {
      best = workArea;
      bestArea = area;
    }
  }
  if (!best) return fallback();

  const width = Math.min(Math.max(Math.round(saved.bounds.width), MIN_SIZE.width), best.width);
  const height = Math.min(Math.max(Math.round(saved.bounds.height), MIN_SIZE.height), best.height);
  const x = Math.min(Math.max(Math.round(saved.bounds.x), best.x), best.x + best.width - width);
  const y = Math.min(Math.max(Math.round(saved.bounds.y), best.y), best.y + best.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}

export function loadWindowState(file: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): WindowState | null {
  try {
    return parseWindowState(JSON.parse(read(file)));
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState, write: (path: string, data: string) => void = writeFileAtomicSync): void {
  write(file, JSON.stringify(state));
}
