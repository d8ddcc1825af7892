import { z } from 'zod';

export const localeSchema = z.enum(['zh', 'en']);

export const workspaceInfoSchema = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  sqliteVersion: z.string(),
  createdNow: z.boolean(),
});

export const tableCountSchema = z.object({ table: z.string(), rows: z.number().int(), approximate: z.literal(true).optional() });

export const recentWorkspaceSchema = z.object({
  path: z.string(),
  exists: z.boolean(),
  current: z.boolean(),
});

const workspacePathInput = z.object({ path: z.string().min(1).max(4096) });

export const appMethods = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      language: localeSchema,
      mode: z.enum(['electron', 'browser', 'cli']),
      workspace: workspaceInfoSchema,
    }),
  },
  'settings.setLanguage': {
    input: z.object({ language: localeSchema }).strict(),
    output: z.object({ language: localeSchema }),
  },
  'workspace.stats': {
    input: z.object({}).strict(),
    output: z.object({ workspace: workspaceInfoSchema, tables: z.array(tableCountSchema) }),
  },
  'workspace.recent': {
    input: z.object({}).strict(),
    output: z.array(recentWorkspaceSchema),
  },
  'workspace.open': {
    input: workspacePathInput.strict(),
    output: workspaceInfoSchema,
  },
  'workspace.create': {
    // A bare name creates `<name>.sqlite` in the default workspaces folder; a path is used as given.
    input: z.object({ nameOrPath: z.string().trim().min(1).max(4096) }).strict(),
    output: workspaceInfoSchema,
  },
} as const;
