import {useEffect, useState} from 'react';

/** Wall-clock time that ticks every second only while `active` (e.g. to age stale data). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    // A clock that was idle catches up at once when it starts: that one extra render is the point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
