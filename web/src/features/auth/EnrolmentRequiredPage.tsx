import { Alert, Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useSession } from "../../app/session.tsx";
import { AuthLayout } from "./AuthLayout.tsx";
import { TwoFactorSection } from "./TwoFactorSection.tsx";

/**
 * All a user whose role requires two-step sign-in sees until they set it up: the server answers every other
 * request with 403 second_factor_enrolment_required.
 */
export function EnrolmentRequiredPage() {
  const { t } = useTranslation();
  const { logout } = useSession();
  const navigate = useNavigate();
  return (
    <AuthLayout title={t("auth.enrolmentRequiredTitle")} width={560}>
      <Stack data-testid="enrolment-required">
        <Alert color="yellow">{t("auth.enrolmentRequiredBody")}</Alert>
        <TwoFactorSection />
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() => void logout().then(() => navigate("/login"))}
          data-testid="enrolment-logout"
        >
          {t("auth.logout")}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
