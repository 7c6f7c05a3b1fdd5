// The application menu: standard roles only. Shortcuts for Ami's own actions live in the renderer, so the menu
// needs no IPC. Developer tools appear only in unpackaged runs.
export type MenuRole =
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'help'
  | 'about'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen';

export interface MenuItemTemplate {
  role?: MenuRole;
  label?: string;
  type?: 'separator';
  submenu?: MenuItemTemplate[];
}

export function appMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemTemplate[] {
  const view: MenuItemTemplate[] = [
    ...(isPackaged ? [] : [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
