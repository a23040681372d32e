import type { CellT } from '../../api/insights';
import { formatNumber } from '../../components/format';

/** A published count as on screen: the number, "<5", or "×" (hidden so a "<5" cannot be computed). */
export function cellText(cell: CellT): string {
  if (cell.value !== null) return formatNumber(cell.value);
  return cell.suppressed === 'small' ? '<5' : '×';
}
