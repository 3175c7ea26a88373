// Session ids and API tokens are random; only their sha256 is stored, so a database leak
// does not hand out working credentials.
import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const newSecret = (prefix = '') => prefix + randomBytes(32).toString('base64url');
