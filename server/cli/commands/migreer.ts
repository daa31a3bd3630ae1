import { maakContext } from '../../context.js';

export async function migreerCommand(): Promise<void> {
  const ctx = await maakContext();
  process.stdout.write('Databaseschema is bijgewerkt.\n');
  await ctx.db.destroy();
}
