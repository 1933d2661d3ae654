import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 1_000_000;
  const throttle = () => new LoginThrottle(3, 60_000, () => now);

  it('allows attempts until the failures reach the limit within the window', () => {
    const t = throttle();
    t.recordFailure('user:a');
    t.recordFailure('user:a');
    expect(t.retryAfterSeconds('user:a')).toBe(0);
    t.recordFailure('user:a');
    expect(t.retryAfterSeconds('user:a')).toBe(60);
    expect(t.retryAfterSeconds('user:b')).toBe(0);
  });

  it('frees the key once the oldest counted failure leaves the window', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      t.recordFailure('user:a');
      now += 10_000;
    }
    // failures at 0 s, 10 s, 20 s; now 30 s: blocked until 60 s.
    expect(t.retryAfterSeconds('user:a')).toBe(30);
    now += 30_000;
    expect(t.retryAfterSeconds('user:a')).toBe(0);
  });

  it('clears a key after a success', () => {
    const t = throttle();
    t.recordFailure('user:a');
    t.recordFailure('user:a');
    t.clear('user:a');
    t.recordFailure('user:a');
    expect(t.retryAfterSeconds('user:a')).toBe(0);
  });
});
