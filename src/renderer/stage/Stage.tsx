import { createContext, type ReactNode, useContext, useLayoutEffect, useState } from 'react';

/** The design canvas a slide is laid out on: 1920×1080, or 1080×1920 on a portrait screen. */
export type Canvas = Readonly<{ orientation: 'landscape' | 'portrait'; width: number; height: number }>;

/** The landscape canvas. */
export const LANDSCAPE: Canvas = { orientation: 'landscape', width: 1920, height: 1080 };
/** The portrait canvas. */
export const PORTRAIT: Canvas = { orientation: 'portrait', width: 1080, height: 1920 };

/** The canvas for a screen of `width`×`height`: portrait when it is taller than wide. */
export function canvasFor(width: number, height: number): Canvas {
  return height > width ? PORTRAIT : LANDSCAPE;
}

/** The canvas the slides are drawn on. */
export const CanvasContext = createContext<Canvas>(LANDSCAPE);

/** Screen pixels per canvas pixel of the current stage (a wall's bezels are given in screen pixels). */
export const StageScaleContext = createContext(1);

/** The canvas of the current stage. */
export function useCanvas(): Canvas {
  return useContext(CanvasContext);
}

/** Props of `Stage`: the size of the area it fills (null: the window), and the slides. */
export type StageProps = Readonly<{
  frame?: Readonly<{ width: number; height: number }>;
  children: ReactNode;
}>;

function windowSize(): { width: number; height: number } {
  return { width: window.innerWidth, height: window.innerHeight };
}

/**
 * A fixed design canvas scaled (transform only, never stretched) and centred in its frame; the rest of
 * the frame is letterbox that shows the theme background of the parent.
 */
export function Stage({ frame, children }: StageProps) {
  const [windowed, setWindowed] = useState(windowSize);
  useLayoutEffect(() => {
    if (frame !== undefined) return;
    const update = (): void => setWindowed(windowSize());
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [frame]);
  const size = frame ?? windowed;
  const canvas = canvasFor(size.width, size.height);
  const scale = Math.min(size.width / canvas.width, size.height / canvas.height);
  const left = (size.width - canvas.width * scale) / 2;
  const top = (size.height - canvas.height * scale) / 2;
  return (
    <CanvasContext.Provider value={canvas}>
      <StageScaleContext.Provider value={scale}>
        <div
          className={`stage stage-${canvas.orientation}`}
          data-stage=""
          style={{
            width: canvas.width,
            height: canvas.height,
            transform: `translate(${left}px, ${top}px) scale(${scale})`,
          }}
        >
          {children}
        </div>
      </StageScaleContext.Provider>
    </CanvasContext.Provider>
  );
}
