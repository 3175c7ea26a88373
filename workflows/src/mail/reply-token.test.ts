import { describe, expect, it } from 'vitest';
import {
  newReplyToken,
  outboxMessageId,
  replyAddress,
  supportRecipient,
  tokenFromMessageIds,
  tokenOfReplyAddress,
} from './reply-token.js';

const SUPPORT = 'Help@Example.com';

describe('reply tokens', () => {
  it('are 128 random bits, never the same twice', () => {
    const tokens = new Set(Array.from({ length: 200 }, newReplyToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('go into the support address and come back out of it', () => {
    const token = newReplyToken();
    const address = replyAddress(SUPPORT, token);
    expect(address).toBe(`Help+${token}@example.com`);
    expect(supportRecipient(address, SUPPORT)).toEqual({ thread: token });
    expect(supportRecipient(address.toUpperCase(), SUPPORT)).toEqual({ thread: token });
    expect(tokenOfReplyAddress(address)).toBe(token);
  });

  it('tell the mailbox itself from its threads and from everyone else', () => {
    expect(supportRecipient('help@example.com', SUPPORT)).toEqual({ thread: undefined });
    expect(supportRecipient('help@example.org', SUPPORT)).toBeUndefined();
    expect(supportRecipient('helpdesk@example.com', SUPPORT)).toBeUndefined();
    // A plus address that is no token of ours is not a thread, and not the mailbox either.
    expect(supportRecipient('help+sales@example.com', SUPPORT)).toBeUndefined();
    expect(supportRecipient('not an address', SUPPORT)).toBeUndefined();
  });

  it('ride in the Message-ID of mail to a customer, and are found in an answer’s references', () => {
    const token = newReplyToken();
    const id = outboxMessageId(42, replyAddress(SUPPORT, token));
    expect(id).toBe(`<notification-42.${token}@baton>`);
    expect(outboxMessageId(42, null)).toBe('<notification-42@baton>');
    expect(tokenFromMessageIds(['<abc@mail.example>', id])).toBe(token);
    expect(tokenFromMessageIds(['<notification-42@baton>', '<x@y>'])).toBeUndefined();
  });
});
