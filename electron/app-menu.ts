// The application menu: standard roles only, labelled in the interface language (Electron's own role labels are
// English on Linux and Windows). Shortcuts for Ami's own actions live in the renderer, so the menu needs no IPC.
// Developer tools appear only in unpackaged runs.
import type { Catalogue } from '../shared/i18n/catalogue.js';

export type MenuRole =
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'help'
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'services'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'minimize'
  | 'zoom'
  | 'front'
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

export type MenuLabels = Catalogue['main']['menu'];

export function appMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean, labels: MenuLabels): MenuItemTemplate[] {
  const item = (role: Exclude<MenuRole, 'appMenu' | 'fileMenu' | 'editMenu' | 'windowMenu' | 'help'>): MenuItemTemplate => ({ role, label: labels[role] });
  const separator: MenuItemTemplate = { type: 'separator' };
  const mac = platform === 'darwin';
  const view: MenuItemTemplate[] = [
    ...(isPackaged ? [] : [item('reload'), item('forceReload'), item('toggleDevTools'), separator]),
    item('resetZoom'),
    item('zoomIn'),
    item('zoomOut'),
    separator,
    item('togglefullscreen'),
  ];
  const appMenu: MenuItemTemplate = {
    role: 'appMenu',
    label: 'Ami',
    submenu: [item('about'), separator, item('services'), separator, item('hide'), item('hideOthers'), item('unhide'), separator, item('quit')],
  };
  return [
    ...(mac ? [appMenu] : []),
    { role: 'fileMenu', label: labels.file, submenu: [mac ? item('close') : item('quit')] },
    {
      role: 'editMenu',
      label: labels.edit,
      submenu: [item('undo'), item('redo'), separator, item('cut'), item('copy'), item('paste'), ...(mac ? [item('pasteAndMatchStyle')] : []), item('delete'), separator, item('selectAll')],
    },
    { label: labels.view, submenu: view },
    { role: 'windowMenu', label: labels.window, submenu: [item('minimize'), item('zoom'), ...(mac ? [separator, item('front')] : [item('close')])] },
    { role: 'help', label: labels.help, submenu: [item('about')] },
  ];
}
