import { useEffect, useRef, type PointerEvent } from 'react';
import { Box, Button, Group, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const WIDTH = 300;
const HEIGHT = 120;

interface Props {
  /** PNG data URL of the drawing, or null when empty. */
  onChange: (dataUrl: string | null) => void;
  disabled?: boolean;
}

/** A small drawn-signature canvas (300×120, exported as PNG, well under 60 kB). Pointer events: finger, pen or mouse. */
export function SignaturePad({ onChange, disabled }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const dirty = useRef(false);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.lineWidth = 2.2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1a237e';
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * WIDTH, y: ((e.clientY - rect.top) / rect.height) * HEIGHT };
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (disabled) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const { x, y } = point(e);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
  };

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const { x, y } = point(e);
    ctx.lineTo(x, y);
    ctx.stroke();
    dirty.current = true;
  };

  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    dirty.current = true;
    onChange(e.currentTarget.toDataURL('image/png'));
  };

  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    dirty.current = false;
    onChange(null);
  };

  return (
    <Box>
      <Text size="sm" fw={500}>{t('pledges.drawTitle')}</Text>
      <Text size="xs" c="dimmed" mb={6}>{t('pledges.drawHint')}</Text>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <canvas
          ref={canvas}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label={t('pledges.drawArea')}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          style={{
            width: '100%',
            maxWidth: WIDTH,
            aspectRatio: `${WIDTH} / ${HEIGHT}`,
            touchAction: 'none',
            border: '1px dashed var(--mantine-color-gray-5)',
            borderRadius: 'var(--mantine-radius-md)',
            background: 'white',
            cursor: disabled ? 'not-allowed' : 'crosshair',
          }}
        />
        <Button variant="subtle" size="compact-sm" color="gray" leftSection={<IconEraser size={14} />} onClick={clear}
          disabled={disabled}>
          {t('pledges.clear')}
        </Button>
      </Group>
    </Box>
  );
}
