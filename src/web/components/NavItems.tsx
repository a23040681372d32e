import { NavLink } from '@mantine/core';
import {
  IconHome,
  IconHierarchy2,
  IconUsers,
  IconFileImport,
  IconShieldCheck,
  IconMail,
  IconLock,
  IconBuildingCommunity,
  IconSignature,
  IconCalendarEvent,
  IconUserExclamation,
  IconSpeakerphone,
  IconChecklist,
  IconInbox,
  IconMessageReport,
  IconUserShield,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, type Permission } from './auth';

interface Item {
  to: string;
  label: string;
  icon: typeof IconHome;
  permission?: Permission;
  show?: boolean;
}

export function NavItems({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { session, user, can } = useAuth();
  const { pathname } = useLocation();
  const items: Item[] = [
    { to: '/', label: t('nav.home'), icon: IconHome },
    { to: '/units', label: t('nav.units'), icon: IconHierarchy2, permission: 'unit.read' },
    { to: '/employees', label: t('nav.employees'), icon: IconUsers, permission: 'employee.read' },
    { to: '/import', label: t('nav.import'), icon: IconFileImport, permission: 'employee.import' },
    { to: '/kampanye', label: t('nav.campaigns'), icon: IconSignature, permission: 'campaign.read' },
    { to: '/pemilihan', label: t('nav.elections'), icon: IconCalendarEvent, permission: 'election.read' },
    { to: '/koreksi-data', label: t('nav.corrections'), icon: IconUserExclamation, permission: 'employee.write' },
    { to: '/apel', label: t('apel.nav'), icon: IconSpeakerphone, show: can('apel.report') || can('apel.review') },
    { to: '/kepatuhan', label: t('compliance.nav'), icon: IconChecklist, permission: 'compliance.read' },
    { to: '/pengaduan', label: t('inbox.nav'), icon: IconInbox, permission: 'report.read' },
    { to: '/buka-identitas', label: t('inbox.reveals.nav'), icon: IconUserShield, show: can('report.reveal.approve') || can('report.reveal.request') },
    { to: '/laporkan', label: t('reports.nav'), icon: IconMessageReport, permission: 'report.submit_internal' },
    { to: '/tenants', label: t('nav.tenants'), icon: IconBuildingCommunity, permission: 'tenant.manage' },
    { to: '/audit', label: t('nav.audit'), icon: IconShieldCheck, permission: 'audit.read' },
    {
      to: '/dev/outbox',
      label: t('nav.outbox'),
      icon: IconMail,
      permission: 'outbox.read',
      show: session?.devOutbox === true,
    },
    { to: '/account/security', label: t('nav.security'), icon: IconLock, show: Boolean(user?.username) },
  ];
  return (
    <nav aria-label="Menu">
      {items
        .filter((item) => (item.permission ? can(item.permission) : true) && item.show !== false)
        .map((item) => {
          const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={18} stroke={1.6} />}
              active={active}
              onClick={onNavigate}
              variant="light"
            />
          );
        })}
    </nav>
  );
}
