// What a query function needs of node-postgres: a pool or one checked-out client.
import type { Pool, PoolClient } from 'pg';

export type Queryable = Pick<Pool | PoolClient, 'query'>;
