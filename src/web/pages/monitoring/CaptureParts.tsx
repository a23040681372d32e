/** Pieces shared by the queue, the capture page and the form's result: score, signals, highlighted text. */
import { Badge, Group, List, Mark, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaptureItemT, ReasonT } from '../../api/monitoring';
import { leadingSignal, segmentText } from './spans';

export const SIGNAL_COLORS = { partisan: 'orange', hate: 'red', abusive: 'grape', hoax: 'violet' } as const;
export const STATUS_COLORS = { pending: 'blue', relevant: 'red', not_relevant: 'gray', duplicate: 'yellow' } as const;

/** Risk colour: the queue is read top-down, so the badge says at a glance how urgent an item is. */
export function scoreColor(score: number): string {
  return score >= 70 ? 'red' : score >= 40 ? 'orange' : score >= 15 ? 'yellow' : 'gray';
}

export function ScoreBadge({ score, size = 'lg' }: { score: number; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color={scoreColor(score)} variant="filled" style={{ flexShrink: 0, overflow: 'visible' }} data-testid="score-badge" aria-label={t('monitoring.queue.scoreLabel', { score: score.toFixed(1) })}>
      {score.toFixed(1)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: CaptureItemT['reviewStatus'] }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLORS[status]} variant="light" style={{ flexShrink: 0 }}>{t(`monitoring.status.${status}`)}</Badge>;
}

/** Signals of 30 and above, strongest first (the rest is noise to a reviewer). */
export function SignalBadges({ signals }: { signals: CaptureItemT['signals'] }) {
  const { t } = useTranslation();
  const shown = (Object.entries(signals) as [keyof typeof SIGNAL_COLORS, number][]).filter(([, v]) => v >= 30).sort((a, b) => b[1] - a[1]);
  if (shown.length === 0) return null;
  return (
    <Group gap={4}>
      {shown.map(([k, v]) => (
        <Badge key={k} size="sm" variant="light" color={SIGNAL_COLORS[k]} data-testid={`signal-${k}`}>
          {t(`monitoring.signal.${k}`)} {v}
        </Badge>
      ))}
    </Group>
  );
}

/** The post text with its reasons highlighted; every piece is rendered as text, never as HTML. */
export function HighlightedText({ text, reasons, lineClamp }: { text: string; reasons: readonly ReasonT[]; lineClamp?: number }) {
  const segments = segmentText(text, reasons);
  return (
    <Text size="sm" lineClamp={lineClamp} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="capture-text">
      {segments.map((s) => {
        const signal = leadingSignal(s.reasons);
        if (!signal) return <span key={s.start}>{s.text}</span>;
        return (
          <Tooltip key={s.start} label={s.reasons.map((r) => r.why).join(' · ')} multiline maw={320} withArrow events={{ hover: true, focus: true, touch: true }}>
            <Mark color={SIGNAL_COLORS[signal]} data-testid="reason-span" data-signal={signal} title={s.reasons.map((r) => r.why).join(' · ')}>
              {s.text}
            </Mark>
          </Tooltip>
        );
      })}
    </Text>
  );
}

/** The reasons as a list (for readers who cannot hover, and for the record). */
export function ReasonList({ reasons }: { reasons: readonly ReasonT[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return <Text size="sm" c="dimmed">{t('monitoring.detail.noReasons')}</Text>;
  return (
    <List size="sm" spacing={4} data-testid="reason-list">
      {reasons.map((r, i) => (
        <List.Item key={`${r.start}-${r.end}-${i}`}>
          <Mark color={SIGNAL_COLORS[r.signal]}>{r.text}</Mark> — {r.why}
        </List.Item>
      ))}
    </List>
  );
}

/** Pair, suggested item and act kind in one line of badges. */
export function FindingBadges({ item }: { item: Pick<CaptureItemT, 'pair' | 'pairLabel' | 'suggestedItem' | 'actKind' | 'platform'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge size="sm" variant="outline" color="gray">{t(`monitoring.platform.${item.platform}`)}</Badge>
      <Badge size="sm" variant="outline" color="gray">{t(`monitoring.actKind.${item.actKind}`)}</Badge>
      {item.pair !== null ? <Badge size="sm" variant="light" color="indigo" data-testid="pair-badge">{t('monitoring.queue.pair', { number: item.pair, label: item.pairLabel ?? '' })}</Badge> : null}
      {item.suggestedItem ? (
        <Tooltip label={item.suggestedItem.reason} multiline maw={320} withArrow events={{ hover: true, focus: true, touch: true }}>
          <Badge size="sm" variant="light" color={item.suggestedItem.list === 'kode_etik' ? 'teal' : 'red'} data-testid="item-badge">
            {t('monitoring.queue.item', { code: item.suggestedItem.code })}
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}
