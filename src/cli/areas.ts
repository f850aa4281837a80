import type { Db } from '../db/client.ts';
import { importAreas } from '../features/areas/import.ts';
import { searchAreas } from '../features/areas/search.ts';

const USAGE = 'usage: areas import | areas search <text>';

export async function areasCommand(args: string[], db: Db, out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') {
    const c = await importAreas(db);
    out(`Areas imported: ${c.provinces} provinces, ${c.communes} communes/wards, ${c.aliases} old-name aliases.`);
    if (c.skipped) out(`Skipped ${c.skipped} mappings without an old name or a known new ward.`);
    return 0;
  }
  if (sub === 'search' && rest.length) {
    const matches = await searchAreas(db, rest.join(' '), { limit: 20 });
    if (!matches.length) out('No match.');
    for (const m of matches) {
      const via = m.via
        ? `  (formerly ${[m.via.oldName, m.via.oldDistrict, m.via.oldProvince].filter(Boolean).join(', ')})`
        : '';
      out(`${m.code}  ${m.name}, ${m.provinceName}${via}`);
    }
    return 0;
  }
  out(USAGE);
  return 2;
}
