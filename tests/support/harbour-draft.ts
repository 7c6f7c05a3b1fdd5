// The draft both integrity suites work on, and the reply whose wording the author then copies into it.
export const SERVED = 'anthropic/claude-sonnet-4.5-20250929';
export const PARAGRAPH = 'The harbour town wakes slowly in winter, and the fishermen mend their nets before dawn.';
export const SECOND = 'Nobody remembers when the lighthouse was last painted.';
export const COPIED = 'a lantern swung above the quay while the gulls argued over scraps of silver herring';
export const REPLY = `Clear enough. One idea: ${COPIED}. That image would anchor the scene.`;
