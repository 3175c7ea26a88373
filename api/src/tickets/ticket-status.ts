// Which ticket statuses are final: the engine's ticket vocabulary says (the designer reads it too).
export { isFinishedTicketStatus as isFinished } from '@baton/engine';
