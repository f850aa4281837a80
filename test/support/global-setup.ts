import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Migrated, with the real areas; never connected to by tests, only copied (CREATE DATABASE ... TEMPLATE). */
    templateDatabaseUrl: string;
  }
}

/** One fresh template database for the whole run; dropped afterwards. */
export default async function setup(project: TestProject) {
  const db = await createTestDatabase('antq_template', { withAreas: true });
  project.provide('templateDatabaseUrl', db.url);
  return () => db.drop();
}
