// @baton/api public surface: the app factory (tests and embedding) and its configuration.
export { createApp, type BatonApp, type CreateAppOptions } from './app.js';
export { defaultConfig, type ApiConfig } from './config.js';
export type { AppDeps, Principal } from './http/env.js';
