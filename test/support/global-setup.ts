import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated database with the real areas for the whole run; dropped afterwards. */
export default async function setup(project: TestProject) {
  const db = await createTestDatabase('antq_test', { withAreas: true });
  project.provide('databaseUrl', db.url);
  return () => db.drop();
}
