import { Center, Loader } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, Route, Routes, useLocation } from "react-router";
import { AssignmentPage } from "../features/assignment/AssignmentPage.tsx";
import { OfficerProfilePage } from "../features/assignment/OfficerProfilePage.tsx";
import { OfficersPage } from "../features/assignment/OfficersPage.tsx";
import { PolicyPage } from "../features/assignment/PolicyPage.tsx";
import { AuditPage } from "../features/audit/AuditPage.tsx";
import { EnrolmentRequiredPage } from "../features/auth/EnrolmentRequiredPage.tsx";
import { LoginPage } from "../features/auth/LoginPage.tsx";
import { RegisterPage } from "../features/auth/RegisterPage.tsx";
import { CaseFormPage } from "../features/cases/CaseFormPage.tsx";
import { CaseListPage } from "../features/cases/CaseListPage.tsx";
import { CasePage } from "../features/cases/CasePage.tsx";
import { CauseListImportPage } from "../features/causelist/CauseListImportPage.tsx";
import { CauseListPage } from "../features/causelist/CauseListPage.tsx";
import { OrganisationsPage } from "../features/organisations/OrganisationsPage.tsx";
import { ReferencePage } from "../features/reference/ReferencePage.tsx";
import { UsersPage } from "../features/users/UsersPage.tsx";
import { NotFound } from "./NotFound.tsx";
import { Shell } from "./Shell.tsx";
import { useMe, useSession } from "./session.tsx";

// Pages opened less often load on first use, which keeps the main bundle small.
const ExportsPage = lazy(() =>
  import("../features/exports/ExportsPage.tsx").then((m) => ({ default: m.ExportsPage })),
);
const TasksPage = lazy(() =>
  import("../features/tasks/TasksPage.tsx").then((m) => ({ default: m.TasksPage })),
);
const DeadlinesPage = lazy(() =>
  import("../features/deadlines/DeadlinesPage.tsx").then((m) => ({ default: m.DeadlinesPage })),
);
const LimitationRulesPage = lazy(() =>
  import("../features/deadlines/LimitationRulesPage.tsx").then((m) => ({ default: m.LimitationRulesPage })),
);
const CourtCalendarPage = lazy(() =>
  import("../features/deadlines/CourtCalendarPage.tsx").then((m) => ({ default: m.CourtCalendarPage })),
);
const NotificationsPage = lazy(() =>
  import("../features/notifications/NotificationsPage.tsx").then((m) => ({ default: m.NotificationsPage })),
);
const MlaListPage = lazy(() =>
  import("../features/mla/MlaListPage.tsx").then((m) => ({ default: m.MlaListPage })),
);
const MlaRequestPage = lazy(() =>
  import("../features/mla/MlaRequestPage.tsx").then((m) => ({ default: m.MlaRequestPage })),
);
const MlaDirectoryPage = lazy(() =>
  import("../features/mla/directory/DirectoryPage.tsx").then((m) => ({ default: m.DirectoryPage })),
);
const MlaRulesPage = lazy(() =>
  import("../features/mla/directory/RulesPage.tsx").then((m) => ({ default: m.RulesPage })),
);
const MlaMetricsPage = lazy(() =>
  import("../features/mla/metrics/MlaMetricsPage.tsx").then((m) => ({ default: m.MlaMetricsPage })),
);
const DashboardPage = lazy(() =>
  import("../features/dashboard/DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })),
);
// The public face (no login): case status, a ministry's page, the embeddable widget.
const PublicCaseSearchPage = lazy(() =>
  import("../features/public/PublicCaseSearchPage.tsx").then((m) => ({ default: m.PublicCaseSearchPage })),
);
const PublicOrganisationPage = lazy(() =>
  import("../features/public/PublicOrganisationPage.tsx").then((m) => ({
    default: m.PublicOrganisationPage,
  })),
);
const PublicWidgetPage = lazy(() =>
  import("../features/public/PublicWidgetPage.tsx").then((m) => ({ default: m.PublicWidgetPage })),
);
const ProfilePage = lazy(() =>
  import("../features/auth/ProfilePage.tsx").then((m) => ({ default: m.ProfilePage })),
);
const MailOutboxPage = lazy(() =>
  import("../features/notifications/MailOutboxPage.tsx").then((m) => ({ default: m.MailOutboxPage })),
);
// Training (issue 9): the learner's pages, the administrators' editor, the completion report, public verification.
const CataloguePage = lazy(() =>
  import("../features/training/CataloguePage.tsx").then((m) => ({ default: m.CataloguePage })),
);
const ModulePage = lazy(() =>
  import("../features/training/ModulePage.tsx").then((m) => ({ default: m.ModulePage })),
);
const MyTrainingPage = lazy(() =>
  import("../features/training/MyTrainingPage.tsx").then((m) => ({ default: m.MyTrainingPage })),
);
const ModulesAdminPage = lazy(() =>
  import("../features/training/admin/ModulesAdminPage.tsx").then((m) => ({ default: m.ModulesAdminPage })),
);
const ModuleEditorPage = lazy(() =>
  import("../features/training/admin/ModuleEditorPage.tsx").then((m) => ({ default: m.ModuleEditorPage })),
);
const CompetencesPage = lazy(() =>
  import("../features/training/admin/CompetencesPage.tsx").then((m) => ({ default: m.CompetencesPage })),
);
const CertificatesPage = lazy(() =>
  import("../features/training/admin/CertificatesPage.tsx").then((m) => ({ default: m.CertificatesPage })),
);
const CompletionReportPage = lazy(() =>
  import("../features/training/admin/CompletionReportPage.tsx").then((m) => ({
    default: m.CompletionReportPage,
  })),
);
const VerifyCertificatePage = lazy(() =>
  import("../features/public/VerifyCertificatePage.tsx").then((m) => ({ default: m.VerifyCertificatePage })),
);

function PageLoader() {
  return (
    <Center p="xl">
      <Loader data-testid="page-loading" />
    </Center>
  );
}

function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader data-testid="app-loading" />
    </Center>
  );
}

function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.status === "loading") return <FullPageLoader />;
  if (session.status === "anonymous") {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  // a role that requires two-step sign-in reaches nothing else until it is set up
  if (session.user.twoFactor.enrolmentRequired) return <EnrolmentRequiredPage />;
  return (
    <Shell>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </Shell>
  );
}

/** The administrator's screens: anyone else gets the forbidden page, and the screen's own reads never start. */
function RequireAdministrator() {
  const me = useMe();
  const { t } = useTranslation();
  if (!me.roles.includes("administrator")) return <NotFound message={t("errors.forbidden")} />;
  return <Outlet />;
}

function PublicOnly({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === "loading") return <FullPageLoader />;
  if (session.status === "authenticated") {
    const from = (location.state as { from?: unknown } | null)?.from;
    const to = typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : "/cases";
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <PublicOnly>
            <LoginPage />
          </PublicOnly>
        }
      />
      <Route
        path="/register"
        element={
          <PublicOnly>
            <RegisterPage />
          </PublicOnly>
        }
      />
      <Route
        element={
          <Suspense fallback={<FullPageLoader />}>
            <Outlet />
          </Suspense>
        }
      >
        <Route path="/public" element={<PublicCaseSearchPage />} />
        <Route path="/public/organisations/:code" element={<PublicOrganisationPage />} />
        <Route path="/public/widget/:code" element={<PublicWidgetPage />} />
        <Route path="/verify" element={<VerifyCertificatePage />} />
        <Route path="/verify/:code" element={<VerifyCertificatePage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route index element={<Navigate to="/cases" replace />} />
        <Route path="/cases" element={<CaseListPage />} />
        <Route path="/cases/new" element={<CaseFormPage />} />
        <Route path="/cases/:id" element={<CasePage />} />
        <Route path="/cases/:id/edit" element={<CaseFormPage />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/cause-list" element={<CauseListPage />} />
        <Route path="/cause-list/import" element={<CauseListImportPage />} />
        <Route path="/tasks" element={<TasksPage />} />
        <Route path="/exports" element={<ExportsPage />} />
        <Route path="/deadlines" element={<DeadlinesPage />} />
        <Route path="/limitation-rules" element={<LimitationRulesPage />} />
        <Route path="/court-calendar" element={<CourtCalendarPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/mla" element={<MlaListPage />} />
        <Route path="/mla/directory" element={<MlaDirectoryPage />} />
        <Route path="/mla/rules" element={<MlaRulesPage />} />
        <Route path="/mla/metrics" element={<MlaMetricsPage />} />
        <Route path="/mla/:id" element={<MlaRequestPage />} />
        <Route path="/mail-outbox" element={<MailOutboxPage />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/users" element={<UsersPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/assignment" element={<AssignmentPage />} />
        <Route path="/assignment/policy" element={<PolicyPage />} />
        <Route path="/assignment/officers" element={<OfficersPage />} />
        <Route path="/assignment/officers/:id" element={<OfficerProfilePage />} />
        <Route path="/organisations" element={<OrganisationsPage />} />
        <Route path="/reference" element={<ReferencePage />} />
        <Route path="/training" element={<CataloguePage />} />
        <Route path="/training/me" element={<MyTrainingPage />} />
        <Route path="/training/modules/:id" element={<ModulePage />} />
        <Route element={<RequireAdministrator />}>
          <Route path="/training/admin" element={<ModulesAdminPage />} />
          <Route path="/training/admin/modules/new" element={<ModuleEditorPage />} />
          <Route path="/training/admin/modules/:id" element={<ModuleEditorPage />} />
          <Route path="/training/admin/competences" element={<CompetencesPage />} />
          <Route path="/training/admin/certificates" element={<CertificatesPage />} />
        </Route>
        <Route path="/training/report" element={<CompletionReportPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
