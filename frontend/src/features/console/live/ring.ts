/**
 * The ring of an offer: two short tones every two seconds, made with the Web Audio API (no sound file to load).
 * Silent where the browser has no audio, or has not yet allowed it (before the page was first clicked or typed in).
 */
export function startRinging(): () => void {
  const AudioContextType =
    typeof window !== 'undefined'
      ? (window.AudioContext ??
        (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext)
      : undefined;
  if (!AudioContextType) {
    return () => {};
  }
  let context: AudioContext;
  try {
    context = new AudioContextType();
  } catch {
    return () => {};
  }
  const ring = () => {
    for (const [offset, frequency] of [
      [0, 880],
      [0.35, 660],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.15;
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + offset);
      oscillator.stop(context.currentTime + offset + 0.25);
    }
  };
  ring();
  const timer = window.setInterval(ring, 2000);
  return () => {
    window.clearInterval(timer);
    void context.close();
  };
}
