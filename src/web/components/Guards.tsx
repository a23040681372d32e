import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { ErrorAlert } from './ErrorAlert';
import { PageLoader } from './PageLoader';
import { can, type Permission } from './auth';

/** Layout route: waits for the session and sends anonymous users to /login?next=… */
export function RequireAuth() {
  const { data, error, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (error && !data) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={error} />
      </Container>
    );
  }
  if (!data?.user) {
    const next = location.pathname + location.search;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

export function RequirePermission({ permission }: { permission: Permission }) {
  const { data } = useSession();
  const { t } = useTranslation();
  if (!can(data, permission)) {
    return (
      <Alert color="yellow" variant="light">
        {t('errors.forbidden')}
      </Alert>
    );
  }
  return <Outlet />;
}
