// Ticket statuses in words.
import type { TicketDetail } from '../api/types.js';

/** `in_progress` -> `in progress`. */
export const statusLabel = (status: TicketDetail['status']) => status.replaceAll('_', ' ');
