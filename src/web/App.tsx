import { lazy, Suspense } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { theme } from './theme';
import { ApiError } from './api/client';
import { sessionKey } from './api/session';
import { RequireAuth, RequirePermission } from './components/Guards';
import { PageLoader } from './components/PageLoader';

const AppLayout = lazy(() => import('./components/AppLayout'));
const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const UnitsPage = lazy(() => import('./pages/units/UnitsPage'));
const EmployeesPage = lazy(() => import('./pages/employees/EmployeesPage'));
const ImportPage = lazy(() => import('./pages/imports/ImportPage'));
const TenantsPage = lazy(() => import('./pages/platform/TenantsPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const OutboxPage = lazy(() => import('./pages/OutboxPage'));
const SecurityPage = lazy(() => import('./pages/SecurityPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const SigningPage = lazy(() => import('./pages/pledges/SigningPage'));
const VerifyPage = lazy(() => import('./pages/verify/VerifyPage'));
const CampaignsPage = lazy(() => import('./pages/campaigns/CampaignsPage'));
const CampaignDetailPage = lazy(() => import('./pages/campaigns/CampaignDetailPage'));
const ElectionsPage = lazy(() => import('./pages/elections/ElectionsPage'));
const CorrectionsPage = lazy(() => import('./pages/corrections/CorrectionsPage'));
const ApelListPage = lazy(() => import('./pages/apel/ApelListPage'));
const ApelNewPage = lazy(() => import('./pages/apel/ApelNewPage'));
const ApelReportPage = lazy(() => import('./pages/apel/ApelReportPage'));
const CompliancePage = lazy(() => import('./pages/compliance/CompliancePage'));
const PublicReportPage = lazy(() => import('./pages/report/PublicReportPage'));
const ReceiptPortalPage = lazy(() => import('./pages/receipt/ReceiptPortalPage'));
const InternalReportPage = lazy(() => import('./pages/report/InternalReportPage'));
const InboxPage = lazy(() => import('./pages/inbox/InboxPage'));
const ReportDetailPage = lazy(() => import('./pages/inbox/ReportDetailPage'));
const StaffEntryPage = lazy(() => import('./pages/inbox/StaffEntryPage'));
const RevealRequestsPage = lazy(() => import('./pages/inbox/RevealRequestsPage'));
const CasesPage = lazy(() => import('./pages/cases/CasesPage'));
const CaseCreatePage = lazy(() => import('./pages/cases/CaseCreatePage'));
const CaseDetailPage = lazy(() => import('./pages/cases/CaseDetailPage'));
const PpkBoardPage = lazy(() => import('./pages/cases/PpkBoardPage'));
const CataloguePage = lazy(() => import('./pages/catalogue/CataloguePage'));
const SatgasPage = lazy(() => import('./pages/satgas/SatgasPage'));
const CaseSettingsPage = lazy(() => import('./pages/case-settings/CaseSettingsPage'));
const MonitoringQueuePage = lazy(() => import('./pages/monitoring/QueuePage'));
const CaptureFormPage = lazy(() => import('./pages/monitoring/CaptureFormPage'));
const CaptureDetailPage = lazy(() => import('./pages/monitoring/CaptureDetailPage'));
const WatchlistPage = lazy(() => import('./pages/monitoring/WatchlistPage'));
const CaptureImportPage = lazy(() => import('./pages/monitoring/CaptureImportPage'));
const DeclaredAccountsPage = lazy(() => import('./pages/monitoring/DeclaredAccountsPage'));
const CaseDashboardPage = lazy(() => import('./pages/insights/CaseDashboardPage'));
const NationalDashboardPage = lazy(() => import('./pages/insights/NationalDashboardPage'));
const RecapsPage = lazy(() => import('./pages/recaps/RecapsPage'));
const AnnouncementsPage = lazy(() => import('./pages/sosialisasi/AnnouncementsPage'));
const AnnouncementDetailPage = lazy(() => import('./pages/sosialisasi/AnnouncementDetailPage'));
const ReadAnnouncementPage = lazy(() => import('./pages/sosialisasi/ReadAnnouncementPage'));
const RulesPage = lazy(() => import('./pages/sosialisasi/RulesPage'));

/** A 401 on any call means the session ended: re-fetch it so the guard sends the user to /login. */
function onApiError(err: unknown): void {
  if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
    void queryClient.invalidateQueries({ queryKey: sessionKey });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={<PageLoader />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/dev/outbox" element={<OutboxPage />} />
              <Route path="/verifikasi" element={<VerifyPage />} />
              <Route path="/verifikasi/:id" element={<VerifyPage />} />
              <Route path="/lapor" element={<PublicReportPage />} />
              <Route path="/lapor/cek" element={<ReceiptPortalPage />} />
              <Route path="/aturan" element={<RulesPage />} />
              <Route element={<RequireAuth />}>
                <Route element={<AppLayout />}>
                  <Route index element={<HomePage />} />
                  <Route element={<RequirePermission permission="unit.read" />}>
                    <Route path="units" element={<UnitsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="employee.read" />}>
                    <Route path="employees" element={<EmployeesPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="employee.import" />}>
                    <Route path="import" element={<ImportPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="audit.read" />}>
                    <Route path="audit" element={<AuditPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="tenant.manage" />}>
                    <Route path="tenants" element={<TenantsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="pledge.sign" />}>
                    <Route path="ikrar/:campaignId" element={<SigningPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="campaign.read" />}>
                    <Route path="kampanye" element={<CampaignsPage />} />
                    <Route path="kampanye/:id" element={<CampaignDetailPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="election.read" />}>
                    <Route path="pemilihan" element={<ElectionsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="employee.write" />}>
                    <Route path="koreksi-data" element={<CorrectionsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="apel.report" />}>
                    <Route path="apel" element={<ApelListPage />} />
                    <Route path="apel/baru" element={<ApelNewPage />} />
                    <Route path="apel/:id" element={<ApelReportPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="compliance.read" />}>
                    <Route path="kepatuhan" element={<CompliancePage />} />
                  </Route>
                  <Route element={<RequirePermission permission="report.read" />}>
                    <Route path="pengaduan" element={<InboxPage />} />
                    <Route path="pengaduan/:id" element={<ReportDetailPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="report.enter" />}>
                    <Route path="pengaduan/baru" element={<StaffEntryPage />} />
                  </Route>
                  <Route path="buka-identitas" element={<RevealRequestsPage />} />
                  <Route element={<RequirePermission permission="case.read" />}>
                    <Route path="kasus" element={<CasesPage />} />
                    <Route path="kasus/ppk" element={<PpkBoardPage />} />
                    <Route path="kasus/:id" element={<CaseDetailPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="case.handle" />}>
                    <Route path="kasus/baru" element={<CaseCreatePage />} />
                  </Route>
                  <Route element={<RequirePermission permission="dashboard.read" />}>
                    <Route path="dashboard/penanganan" element={<CaseDashboardPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="dashboard.national" />}>
                    <Route path="dashboard/nasional" element={<NationalDashboardPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="recap.read" />}>
                    <Route path="rekap" element={<RecapsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="sosialisasi.read" />}>
                    <Route path="sosialisasi" element={<AnnouncementsPage />} />
                    <Route path="sosialisasi/:id" element={<AnnouncementDetailPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="sosialisasi.acknowledge" />}>
                    <Route path="pengumuman/:id" element={<ReadAnnouncementPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="monitoring.read" />}>
                    <Route path="pengawasan" element={<MonitoringQueuePage />} />
                    <Route path="pengawasan/akun" element={<DeclaredAccountsPage />} />
                    <Route path="pengawasan/:id" element={<CaptureDetailPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="monitoring.capture" />}>
                    <Route path="pengawasan/tangkap" element={<CaptureFormPage />} />
                    <Route path="pengawasan/impor" element={<CaptureImportPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="monitoring.watchlist" />}>
                    <Route path="pengawasan/watchlist" element={<WatchlistPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="catalogue.read" />}>
                    <Route path="katalog" element={<CataloguePage />} />
                  </Route>
                  <Route element={<RequirePermission permission="satgas.read" />}>
                    <Route path="satgas" element={<SatgasPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="case.settings" />}>
                    <Route path="pengaturan-penanganan" element={<CaseSettingsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="report.submit_internal" />}>
                    <Route path="laporkan" element={<InternalReportPage />} />
                  </Route>
                  <Route path="account/security" element={<SecurityPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
