/**
 * Waits until Ink's last frame (ink-testing-library's `lastFrame`) shows what the test expects,
 * instead of sleeping a fixed time and hoping the frame is there; fails with the last frame seen.
 */
export async function waitForFrame(lastFrame: () => string | undefined, predicate: (frame: string) => boolean, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (predicate(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the frame; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What ink-testing-library's `render` returns, as far as typing needs it. */
interface RenderedApp {
  lastFrame(): string | undefined;
  frames: readonly string[];
  stdin: {write(data: string): void};
}

/** One turn of the event loop: React and Ink render an update on the macrotask after it was made. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Waits until the app has drawn and stopped drawing: its frames stop coming for a few turns of the
 * event loop (not a time: a loaded machine takes longer per turn, not more turns).
 */
export async function drawn(app: RenderedApp, timeoutMs = 5000): Promise<string> {
  await waitForFrame(app.lastFrame, (frame) => frame.trim() !== '', timeoutMs);
  for (let quiet = 0; quiet < 3;) {
    const count = app.frames.length;
    await turn();
    quiet = app.frames.length === count ? quiet + 1 : 0;
  }
  return app.lastFrame() ?? '';
}

/**
 * Types each input as its own write, and after each waits until the app drew its answer (a new
 * frame), so a key that opens a prompt is drawn before the next key reaches the prompt. A key
 * the app did not answer within the timeout fails the test.
 */
export async function typeInto(app: RenderedApp, ...inputs: string[]): Promise<void> {
  for (const input of inputs) {
    const count = app.frames.length;
    app.stdin.write(input);
    const deadline = Date.now() + 5000;
    while (app.frames.length === count) {
      if (Date.now() > deadline) throw new Error(`no new frame after typing ${JSON.stringify(input)}; last frame:\n${app.lastFrame() ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await drawn(app);
  }
}

/**
 * Types inputs the app should ignore: there is no frame to wait for, so this waits until the app
 * has handled each write and drawn whatever it would (a few quiet turns of the event loop).
 */
export async function typeIgnored(app: RenderedApp, ...inputs: string[]): Promise<void> {
  for (const input of inputs) {
    app.stdin.write(input);
    await drawn(app);
  }
}
