// The engine's `<code>: <message>` rejection of an event as a problem document, by its code.
import { rejectCode } from '@baton/engine';
import { ApiError } from './problem.js';

export function rejection(rejected: string, context: string): ApiError {
  const message = rejected.slice(rejected.indexOf(':') + 1).trim() || rejected;
  switch (rejectCode(rejected)) {
    case 'unknown-task':
    case 'unknown-timer':
    case 'unknown-activity':
    case 'unknown-incident':
      return new ApiError('not-found', `${context}: ${message}`);
    case 'forbidden':
      return new ApiError('forbidden', `${context}: ${message}`);
    case 'invalid':
      return new ApiError('validation-failed', `${context}: ${message}`);
    default:
      return new ApiError('conflict', `${context}: ${message}`);
  }
}
