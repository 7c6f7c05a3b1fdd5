// The two Electron IPC channels. Every contract call travels through ami:call, so the sender check and the input
// validation happen in one place; events from main to the page travel through ami:event.
export const CALL_CHANNEL = 'ami:call';
export const EVENT_CHANNEL = 'ami:event';
