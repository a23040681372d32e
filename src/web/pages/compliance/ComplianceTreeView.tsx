import { useEffect, useMemo } from 'react';
import { Badge, Box, Group, Progress, Text, Tree, useTree, type TreeNodeData } from '@mantine/core';
import { IconAlertTriangle, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComplianceUnitT } from '../../api/types';
import { formatNumber, formatPercent } from '../../components/format';
import { ApelStatusBadge } from '../apel/ApelStatusBadge';
import { parentIds, type ComplianceNode } from './complianceTree';

function toTreeData(nodes: readonly ComplianceNode[]): TreeNodeData[] {
  return nodes.map((n) => ({
    value: n.unit.id,
    label: n.unit.name,
    children: n.children.length ? toTreeData(n.children) : undefined,
  }));
}

/** Bar colour by share: red below half, yellow below 90 %, teal above. */
const barColor = (pct: number | null) => (pct === null ? 'gray' : pct < 50 ? 'red' : pct < 90 ? 'yellow' : 'teal');

function UnitLine({ unit, selected }: { unit: ComplianceUnitT; selected: boolean }) {
  const { t } = useTranslation();
  const overdueWhy = [unit.apelOverdue ? t('compliance.apelOverdue') : null, unit.signingOverdue ? t('compliance.signingOverdue') : null]
    .filter(Boolean).join('; ');
  return (
    <Box style={{ flex: 1, minWidth: 0 }}>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text size="sm" fw={selected ? 700 : 500} lineClamp={2} title={unit.name} style={{ minWidth: 0, wordBreak: 'break-word' }}>{unit.name}</Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {unit.overdue ? (
            <Badge size="xs" color="red" variant="filled" leftSection={<IconAlertTriangle size={10} />} title={overdueWhy}
              data-testid="overdue-marker">
              {t('compliance.overdue')}
            </Badge>
          ) : null}
          {unit.apelRequired || unit.apelStatus !== 'belum' ? <ApelStatusBadge status={unit.apelStatus} size="xs" subject /> : null}
        </Group>
      </Group>
      <Group gap={8} wrap="nowrap">
        <Progress value={unit.signedPct ?? 0} color={barColor(unit.signedPct)} size="sm" style={{ flex: 1 }}
          aria-label={`${unit.name}: ${unit.signedPct ?? 0}%`} />
        <Text size="xs" c="dimmed" miw={92} ta="right" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
          {formatNumber(unit.signedSubtree)}/{formatNumber(unit.targetSubtree)} ·{' '}
          {unit.signedPct === null ? '—' : formatPercent(unit.signedPct / 100)}
        </Text>
      </Group>
    </Box>
  );
}

interface Props {
  roots: ComplianceNode[];
  byId: Map<string, ComplianceUnitT>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Bumped by "expand all" / "collapse all". */
  command: { kind: 'expand' | 'collapse'; n: number } | null;
  /** Open every level at first (e.g. when only overdue units are listed). */
  openAll?: boolean;
}

/** The unit tree (any depth) with signed share, apel status and overdue marker on every unit. */
export function ComplianceTreeView({ roots, byId, selectedId, onSelect, command, openAll }: Props) {
  const { t } = useTranslation();
  const data = useMemo(() => toTreeData(roots), [roots]);
  const tree = useTree({
    initialExpandedState: Object.fromEntries((openAll ? parentIds(roots) : roots.map((r) => r.unit.id)).map((id) => [id, true])),
  });

  useEffect(() => {
    if (!command) return;
    if (command.kind === 'expand') tree.setExpandedState(Object.fromEntries(parentIds(roots).map((id) => [id, true])));
    else tree.collapseAllNodes();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [command]);

  return (
    <Tree
      data={data}
      tree={tree}
      levelOffset={18}
      expandOnClick={false}
      aria-label={t('compliance.treeTitle')}
      renderNode={({ node, expanded, hasChildren, elementProps }) => {
        const unit = byId.get(node.value);
        const selected = node.value === selectedId;
        return (
          <Group
            gap={6}
            wrap="nowrap"
            align="flex-start"
            {...elementProps}
            onClick={(e) => {
              elementProps.onClick(e);
              onSelect(node.value);
            }}
            py={6}
            px={4}
            bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
            style={{ ...elementProps.style, minWidth: 0, borderRadius: 6, cursor: 'pointer' }}
            data-unit-id={node.value}
          >
            <span
              role={hasChildren ? 'button' : undefined}
              aria-label={hasChildren ? `${expanded ? t('compliance.collapseAll') : t('compliance.expandAll')}: ${node.label}` : undefined}
              onClick={(e) => {
                e.stopPropagation();
                if (hasChildren) tree.toggleExpanded(node.value);
              }}
              style={{ display: 'inline-flex', flexShrink: 0, width: 18, paddingTop: 2, visibility: hasChildren ? 'visible' : 'hidden' }}
            >
              <IconChevronRight size={16} style={{ transform: expanded ? 'rotate(90deg)' : 'none', transition: 'transform 120ms' }} />
            </span>
            {unit ? <UnitLine unit={unit} selected={selected} /> : <Text size="sm">{node.label}</Text>}
          </Group>
        );
      }}
    />
  );
}
