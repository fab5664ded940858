// Roles of a desk, each allowed everything the one before it is: a viewer reads, searches and exports; a reviewer
// also imports and reviews claims; an editor also decides conflicts and edits entities and the vocabulary; an
// admin also manages users.

export const ROLES = ['viewer', 'reviewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True for one of the four role names. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` may do what `needed` may (roles are ordered viewer < reviewer < editor < admin). */
export function roleAllows(role: Role | null, needed: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** What each role may do, in words, for messages and the users page. */
export const ROLE_DUTIES: Record<Role, string> = {
  viewer: 'read everything, search and export',
  reviewer: 'also import sources and confirm, edit or reject claims, flag conflicts',
  editor: 'also decide conflicts, edit entities and the lexicon, delete sources',
  admin: 'also manage users',
};
