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
