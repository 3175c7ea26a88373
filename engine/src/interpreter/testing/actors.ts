import type { Actor } from '../../types.js';

export const agent = (userId: string, ...departments: string[]): Actor => ({
  userId,
  departments,
  roles: [],
});
export const admin: Actor = { userId: 'root', departments: [], roles: ['admin'] };
export const manager: Actor = { userId: 'boss', departments: [], roles: ['manager'] };
