import { useEffect, useMemo } from 'react';
import { Badge, Group, Text, Tree, useTree, type TreeNodeData } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from '../../api/units';
import type { UnitViewT } from '../../api/types';
import { formatNumber } from '../../components/format';
import { useEnumLabel } from '../../components/labels';

function toTreeData(nodes: UnitNode[], filter: string): TreeNodeData[] {
  const out: TreeNodeData[] = [];
  for (const node of nodes) {
    const children = toTreeData(node.children, filter);
    const matches = !filter || `${node.unit.name} ${node.unit.code ?? ''}`.toLowerCase().includes(filter);
    if (matches || children.length > 0) {
      out.push({
        value: node.unit.id,
        label: node.unit.name,
        children: children.length ? children : undefined,
      });
    }
  }
  return out;
}

interface Props {
  roots: UnitNode[];
  byId: Map<string, UnitViewT>;
  filter: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function UnitTreeView({ roots, byId, filter, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const needle = filter.trim().toLowerCase();
  const data = useMemo(() => toTreeData(roots, needle), [roots, needle]);
  const tree = useTree({ initialExpandedState: Object.fromEntries(roots.map((r) => [r.unit.id, true])) });

  useEffect(() => {
    if (needle) tree.expandAllNodes();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [needle, data]);

  return (
    <Tree
      data={data}
      tree={tree}
      levelOffset="md"
      expandOnClick={false}
      aria-label={t('units.title')}
      renderNode={({ node, expanded, hasChildren, elementProps }) => {
        const unit = byId.get(node.value);
        const selected = node.value === selectedId;
        return (
          <Group
            gap={6}
            wrap="nowrap"
            {...elementProps}
            onClick={(e) => {
              elementProps.onClick(e);
              onSelect(node.value);
            }}
            py={6}
            px={4}
            bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
            style={{ ...elementProps.style, minWidth: 0, borderRadius: 6, cursor: 'pointer' }}
          >
            <span
              role={hasChildren ? 'button' : undefined}
              aria-label={hasChildren ? (expanded ? t('units.collapseAll') : t('units.expandAll')) : undefined}
              onClick={(e) => {
                e.stopPropagation();
                if (hasChildren) tree.toggleExpanded(node.value);
              }}
              style={{ display: 'inline-flex', flexShrink: 0, width: 18, visibility: hasChildren ? 'visible' : 'hidden' }}
            >
              <IconChevronRight
                size={16}
                style={{ transform: expanded ? 'rotate(90deg)' : 'none', transition: 'transform 120ms' }}
              />
            </span>
            <Text size="sm" fw={selected ? 600 : 400} style={{ flex: 1, minWidth: 0 }} truncate title={String(node.label)}>
              {node.label}
            </Text>
            {unit ? (
              <>
                <Badge size="xs" variant="light" color="gray" visibleFrom="xs" style={{ flexShrink: 0 }}>
                  {label('unitType', unit.unitType)}
                </Badge>
                <Text
                  size="xs"
                  c="dimmed"
                  ta="right"
                  miw={28}
                  style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}
                  title={t('units.employeeCount', { count: unit.employeeCount })}
                  aria-label={t('units.employeeCount', { count: unit.employeeCount })}
                >
                  {formatNumber(unit.employeeCount)}
                </Text>
              </>
            ) : null}
          </Group>
        );
      }}
    />
  );
}
