/** Shapes shared by several features. Me and User come from common/ (the server's own zod schemas). */
export type { Me, UserDto } from "../../../common/schemas/users.ts";

export type OrgRef = { id: string; code: string; nameEn: string; nameUr: string };
export type PersonRef = { id: string; fullName: string };
export type Named = { nameEn: string; nameUr: string };
