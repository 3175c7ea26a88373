// Every custom activity the worker registers. To add one: create ./<type>.ts default-exporting
// defineActivity({...}) and add it to this list.
import type { ActivityDefinition } from '../sdk.js';
import emailCustomer from './email-customer.js';
import httpWebhook from './http-webhook.js';

export const customActivities: readonly ActivityDefinition[] = [httpWebhook, emailCustomer];
