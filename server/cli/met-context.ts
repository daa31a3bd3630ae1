import { maakContext, type AppContext } from '../context.js';

/** Runs one CLI command's work with the app's context, and closes the database afterwards (also on an error). */
export async function werkMetContext(werk: (ctx: AppContext) => Promise<void>): Promise<void> {
  const ctx = await maakContext();
  try {
    await werk(ctx);
  } finally {
    await ctx.db.destroy();
  }
}
