import QRCode from 'qrcode';
import { useMemo } from 'react';

/** The SVG path of the dark modules of a QR code for `url`, and its size in modules. */
export function qrPath(url: string): { size: number; path: string } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { size: modules.size, path: parts.join('') };
}

/** A crisp QR code (vector, whole modules, a quiet zone of 2) on a white tile. */
export function QrCode({ url, className }: Readonly<{ url: string; className?: string }>) {
  const { size, path } = useMemo(() => qrPath(url), [url]);
  const quiet = 2;
  return (
    <svg
      className={className}
      viewBox={`${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={url}
      data-qr={url}
    >
      <rect x={-quiet} y={-quiet} width={size + 2 * quiet} height={size + 2 * quiet} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
