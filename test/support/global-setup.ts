import type { TestProject } from 'vitest/node';
import { buildConsole, consoleOutdated } from '../../scripts/build-console.ts';
import { createTestDatabase } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Migrated, with the real areas; never connected to by tests, only copied (CREATE DATABASE ... TEMPLATE). */
    templateDatabaseUrl: string;
  }
}

/** The web console built from its current sources; one fresh template database for the whole run, dropped afterwards. */
export default async function setup(project: TestProject) {
  // The service serves the console as built: the tests see the sources as they are now.
  if (consoleOutdated()) await buildConsole();
  const db = await createTestDatabase('antq_template', { withAreas: true });
  project.provide('templateDatabaseUrl', db.url);
  return () => db.drop();
}
