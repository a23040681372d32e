import { ActionIcon, Box, Button, Indicator, Menu, ScrollArea, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkNotificationsRead, useNotifications, type NotificationT } from '../api/cases';
import { useAuth } from './auth';
import { formatDateTime } from './format';

/** In-app notifications (assignments, overdue steps): unread count, a short list; a click marks read and opens the link. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { can, session } = useAuth();
  const enabled = can('notification.read');
  const list = useNotifications(enabled);
  const markRead = useMarkNotificationsRead();
  const navigate = useNavigate();
  if (!enabled) return null;
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const open = (n: NotificationT) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link?.startsWith('/')) void navigate(n.link);
  };
  const label = t('cases.notifications.open', { count: unread });
  return (
    <Menu position="bottom-end" width={320} withinPortal shadow="md">
      <Menu.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} color="red" disabled={unread === 0} offset={4} inline>
          <ActionIcon variant="subtle" size="lg" aria-label={label} title={label} data-testid="notification-bell">
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown maw="calc(100vw - 16px)">
        <Menu.Label>{t('cases.notifications.title')}</Menu.Label>
        {items.length === 0 ? <Text size="sm" c="dimmed" px="sm" py="xs">{t('cases.notifications.empty')}</Text> : null}
        <ScrollArea.Autosize mah={360}>
          {items.map((n) => (
            <Menu.Item key={n.id} onClick={() => open(n)} data-testid="notification-item"
              style={n.readAt ? undefined : { background: 'var(--mantine-color-blue-light)' }}>
              <Box>
                <Text size="sm" fw={n.readAt ? 400 : 700} lineClamp={2}>{n.title}</Text>
                {n.body ? <Text size="xs" c="dimmed" lineClamp={2}>{n.body}</Text> : null}
                <Text size="xs" c="dimmed">{formatDateTime(n.createdAt, session?.tenant?.timezone)}</Text>
              </Box>
            </Menu.Item>
          ))}
        </ScrollArea.Autosize>
        {unread > 0 ? (
          <>
            <Menu.Divider />
            <Button variant="subtle" size="compact-xs" fullWidth onClick={() => markRead.mutate(null)} loading={markRead.isPending}>
              {t('cases.notifications.markAll')}
            </Button>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
