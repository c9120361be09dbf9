import { Anchor, AppShell, Badge, Burger, Group, Menu, NavLink, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useNotifications } from "../features/notifications/api.ts";
import { NotificationBell } from "../features/notifications/NotificationBell.tsx";
import { usePendingCount } from "../features/users/api.ts";
import { canManageReference } from "./abilities.ts";
import { useLocale } from "./format.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { useMe, useSession } from "./session.tsx";

const CASE_ROLES = [
  "law_ministry",
  "focal_person",
  "nodal_officer",
  "assigning_officer",
  "law_officer",
  "executive_viewer",
];

type NavItem = {
  to: string;
  label: string;
  testId: string;
  show: boolean;
  exact?: boolean;
  /** A count shown beside the link (e.g. registrations awaiting approval). */
  count?: { value: number; label: string; testId: string; color?: string };
};

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const { name } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure();
  const pending = usePendingCount(me.abilities.approveUsers).data ?? 0;
  const unread = useNotifications().data?.unread ?? 0;

  const items: NavItem[] = [
    { to: "/cases", label: t("nav.cases"), testId: "nav-cases", show: true, exact: true },
    { to: "/cases/new", label: t("nav.newCase"), testId: "nav-new-case", show: me.abilities.registerCases },
    {
      to: "/dashboard",
      label: t("dashboard.nav"),
      testId: "nav-dashboard",
      // the roles with a case scope, and the executive's read-only view
      show: CASE_ROLES.some((r) => me.roles.includes(r)),
    },
    { to: "/cause-list", label: t("nav.causeList"), testId: "nav-cause-list", show: true },
    { to: "/tasks", label: t("nav.tasks"), testId: "nav-tasks", show: true },
    { to: "/deadlines", label: t("nav.deadlines"), testId: "nav-deadlines", show: true },
    {
      to: "/mla",
      label: t("nav.mla"),
      testId: "nav-mla",
      show: me.roles.includes("requesting_agency") || me.roles.includes("central_authority"),
    },
    {
      to: "/mla/metrics",
      label: t("mla.metrics.nav"),
      testId: "nav-mla-metrics",
      show: me.roles.includes("central_authority"),
    },
    {
      to: "/mla/directory",
      label: t("mlaDirectory.navDirectory"),
      testId: "nav-mla-directory",
      show: me.roles.includes("requesting_agency") || me.roles.includes("central_authority"),
    },
    {
      to: "/mla/rules",
      label: t("mlaDirectory.navRules"),
      testId: "nav-mla-rules",
      show: me.roles.includes("requesting_agency") || me.roles.includes("central_authority"),
    },
    { to: "/training", label: t("nav.training"), testId: "nav-training", show: true },
    {
      to: "/training/admin",
      label: t("nav.trainingAdmin"),
      testId: "nav-training-admin",
      show: me.roles.includes("administrator"),
    },
    {
      to: "/training/report",
      label: t("nav.trainingReport"),
      testId: "nav-training-report",
      show: ["administrator", "law_ministry", "nodal_officer"].some((r) => me.roles.includes(r)),
    },
    {
      to: "/notifications",
      label: t("nav.notifications"),
      testId: "nav-notifications",
      show: true,
      count:
        unread > 0
          ? {
              value: unread,
              label: t("notifications.bell", { count: unread }),
              testId: "nav-notifications-unread",
              color: "red",
            }
          : undefined,
    },
    {
      to: "/users",
      label: t("nav.users"),
      testId: "nav-users",
      show: me.abilities.manageUsers || me.abilities.approveUsers,
      count:
        pending > 0
          ? {
              value: pending,
              label: t("users.pendingCount", { count: pending }),
              testId: "nav-users-pending",
            }
          : undefined,
    },
    {
      to: "/organisations",
      label: t("nav.organisations"),
      testId: "nav-organisations",
      show: canManageReference(me),
    },
    { to: "/reference", label: t("nav.reference"), testId: "nav-reference", show: canManageReference(me) },
    {
      to: "/limitation-rules",
      label: t("nav.limitationRules"),
      testId: "nav-limitation-rules",
      show: canManageReference(me),
    },
    {
      to: "/court-calendar",
      label: t("nav.courtCalendar"),
      testId: "nav-court-calendar",
      show: canManageReference(me),
    },
    {
      to: "/assignment",
      label: t("nav.assignment"),
      testId: "nav-assignment",
      show: me.abilities.assignCases,
      exact: true,
    },
    {
      to: "/assignment/officers",
      label: t("nav.assignmentOfficers"),
      testId: "nav-assignment-officers",
      show: me.abilities.assignCases,
    },
    {
      to: "/assignment/policy",
      label: t("nav.assignmentPolicy"),
      testId: "nav-assignment-policy",
      show: me.abilities.assignCases || me.roles.includes("administrator"),
    },
    {
      to: "/mail-outbox",
      label: t("nav.mailOutbox"),
      testId: "nav-mail-outbox",
      show: me.roles.includes("administrator"),
    },
    { to: "/audit", label: t("nav.audit"), testId: "nav-audit", show: me.abilities.readAudit },
  ];
  const isActive = (item: NavItem) =>
    item.exact
      ? location.pathname === item.to ||
        (/^\/cases\/(?!new)[^/]+/.test(location.pathname) && item.to === "/cases")
      : location.pathname.startsWith(item.to) &&
        // the most specific link wins: /mla/directory is not also "MLA requests"
        !items.some(
          (o) =>
            o.to.length > item.to.length &&
            o.to.startsWith(`${item.to}/`) &&
            location.pathname.startsWith(o.to),
        );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.menu")} />
            <Anchor component={Link} to="/cases" underline="never" c="inherit" data-testid="app-title">
              <Text fw={700} size="lg">
                CAMS
              </Text>
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t("app.name")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <Text size="sm" fw={500}>
                    <bdi>{me.fullName}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed" visibleFrom="sm">
                    {name(me.organisation)}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <span className="ltr">{me.username}</span>
                  {me.designation && (
                    <>
                      {" · "}
                      <bdi>{me.designation}</bdi>
                    </>
                  )}
                </Menu.Label>
                <Menu.Label>
                  {me.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(t("common.listSeparator"))}
                </Menu.Label>
                <Menu.Divider />
                <Menu.Item component={Link} to="/profile" data-testid="nav-profile">
                  {t("auth.profileNav")}
                </Menu.Item>
                <Menu.Item component={Link} to="/exports" data-testid="nav-exports">
                  {t("exports.myExports")}
                </Menu.Item>
                <Menu.Item
                  data-testid="logout"
                  onClick={() => {
                    void logout().then(() => navigate("/login"));
                  }}
                >
                  {t("auth.logout")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t("nav.main")}>
        {items
          .filter((i) => i.show)
          .map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              rightSection={
                item.count && (
                  <Badge
                    size="sm"
                    circle
                    color={item.count.color ?? "yellow"}
                    aria-label={item.count.label}
                    title={item.count.label}
                    data-testid={item.count.testId}
                    data-count={item.count.value}
                  >
                    {item.count.value}
                  </Badge>
                )
              }
              active={isActive(item)}
              data-testid={item.testId}
              onClick={close}
            />
          ))}
        <NavLink
          component="a"
          href="/api/docs"
          target="_blank"
          rel="noopener"
          label={t("nav.apiDocs")}
          data-testid="nav-api-docs"
        />
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
