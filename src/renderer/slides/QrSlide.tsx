import type { SlideOf } from '../../core/playlist/types';
import { SlideFrame } from '../show/SlideFrame';
import { FitText } from '../text/FitText';
import { UI } from '../text/uiText';
import { QrCode } from './QrCode';

/** A call to action: title, a line of text, a crisp QR code and its short URL. */
export function QrSlide({ slide }: Readonly<{ slide: SlideOf<'qr'> }>) {
  const label = slide.label ?? slide.url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return (
    <SlideFrame eyebrow={UI.scan} className="qr">
      <div className="qr-text">
        <FitText text={slide.title} max={100} min={48} lines={3} className="qr-title" />
        {slide.text === undefined ? null : (
          <FitText text={slide.text} max={48} min={28} lines={3} className="qr-line" />
        )}
      </div>
      <div className="qr-code-block">
        <div className="qr-tile">
          <QrCode url={slide.url} className="qr-code" />
        </div>
        <FitText text={label} max={40} min={22} lines={1} className="qr-url" />
      </div>
    </SlideFrame>
  );
}
