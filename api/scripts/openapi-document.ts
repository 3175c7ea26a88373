// Prints the API's OpenAPI document (what GET /api/openapi.json answers) without a server or a
// database, so build tools (the designer's generated API types) can read the contract offline.
// The app is built with stand-in dependencies: describing the routes calls none of them, and any
// call fails loudly instead of reaching a database or an engine.
import pg from 'pg';
import pino from 'pino';
import { databaseOn } from '@baton/db';
import { createApp } from '../src/app.js';
import { defaultConfig } from '../src/config.js';
import { refusingRuntime } from '../src/refusing-runtime.js';

// A pool connects on its first query only; nothing here queries.
const pool = new pg.Pool();

// Production's defaults: a few (e.g. login attempts) appear in route descriptions.
const config = defaultConfig({ detailCacheBytes: 0 });

async function openApiDocument(): Promise<unknown> {
  const app = createApp({
    db: databaseOn(pool),
    pool,
    runtime: refusingRuntime('to describe the API'),
    log: pino({ level: 'silent' }),
    config,
    activities: [],
  });
  const response = await app.request('/api/openapi.json');
  if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
  return response.json();
}

process.stdout.write(`${JSON.stringify(await openApiDocument(), null, 2)}\n`);
