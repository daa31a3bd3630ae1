import { createContext } from '../../context.js';

export async function migreerCommand(): Promise<void> {
  const ctx = await createContext();
  process.stdout.write('Databaseschema is bijgewerkt.\n');
  await ctx.db.destroy();
}
