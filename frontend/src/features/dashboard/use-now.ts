import { useEffect, useState } from 'react';

/** The time now, renewed every `every` milliseconds, for waits that grow by themselves on screen. */
export function useNow(every = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(timer);
  }, [every]);
  return now;
}
