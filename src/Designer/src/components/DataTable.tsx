import {
  columnFilteringFeature, createColumnHelper, createFilteredRowModel, createSortedRowModel, filterFn_includesString, globalFilteringFeature,
  rowSelectionFeature, rowSortingFeature, sortFn_alphanumeric, tableFeatures, useTable, type RowData,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';

// Only the features these lists use (TanStack Table v9 bundles what is registered, nothing else).
const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString },
  rowSelectionFeature,
});

/** One column: its header, the value it sorts and searches by, and how a cell shows (the value as text by default). */
export interface Column<T> {
  id: string;
  header: string;
  value: (row: T) => string | number | null | undefined;
  cell?: (row: T) => React.ReactNode;
  sortable?: boolean;
  className?: string;
}

interface Props<T extends RowData> {
  label: string;
  rows: T[];
  columns: Column<T>[];
  rowId: (row: T) => string;
  /** What a row is called in the selection's check boxes and the count ("Select instance 01a2…"). */
  rowName: (row: T) => string;
  searchPlaceholder: string;
  initialSort?: { id: string; desc: boolean };
  /** With it, rows can be selected; it renders the actions for the selected rows (each a real API call). */
  bulkActions?: (selected: T[], clear: () => void) => React.ReactNode;
}

/** A list with a search box, sortable columns and (optionally) multi-select with bulk actions: TanStack Table, our markup. */
export function DataTable<T extends RowData>({ label, rows, columns, rowId, rowName, searchPlaceholder, initialSort, bulkActions }: Props<T>) {
  const [query, setQuery] = useState('');
  const tableColumns = useMemo(() => {
    const helper = createColumnHelper<typeof features, T>();
    return helper.columns(columns.map((c) => helper.accessor((row: T) => c.value(row) ?? '', {
      id: c.id,
      header: c.header,
      enableSorting: c.sortable !== false,
      sortFn: 'alphanumeric',
      sortUndefined: 'last',
    })));
  }, [columns]);
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const table = useTable({
    features,
    columns: tableColumns,
    data: rows,
    getRowId: (row: T) => rowId(row),
    initialState: { sorting: initialSort ? [initialSort] : [] },
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: () => true,
    enableRowSelection: bulkActions !== undefined,
    enableSubRowSelection: false,
  });
  const setSearch = (text: string) => { setQuery(text); table.setGlobalFilter(text); };
  const shown = table.getRowModel().rows;
  const selected = table.getSelectedRowModel().rows.map((r) => r.original);
  const allShownSelected = shown.length > 0 && shown.every((r) => r.getIsSelected());
  const someShownSelected = shown.some((r) => r.getIsSelected());
  const clear = () => table.resetRowSelection();

  return (
    <div className="data-table">
      <div className="table-tools">
        <input type="search" aria-label={`Search ${label.toLowerCase()}`} placeholder={searchPlaceholder} value={query} onChange={(e) => setSearch(e.target.value)} />
        <span className="muted small" role="status">{query ? `${shown.length} of ${rows.length} shown` : `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`}</span>
        {bulkActions && (
          <div className="bulk" role="group" aria-label="Actions on the selected rows">
            <span className="small">{selected.length} selected</span>
            {bulkActions(selected, clear)}
            {selected.length > 0 && <button type="button" onClick={clear}>Clear selection</button>}
          </div>
        )}
      </div>
      {shown.length === 0 && <p className="muted">Nothing matches “{query}”.</p>}
      {shown.length > 0 && (
        <table className="grid" aria-label={label}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {bulkActions && (
                  <th className="select-cell">
                    <input type="checkbox" aria-label="Select all shown rows" checked={allShownSelected}
                      ref={(el) => { if (el) el.indeterminate = someShownSelected && !allShownSelected; }}
                      onChange={(e) => shown.forEach((r) => r.toggleSelected(e.target.checked))} />
                  </th>
                )}
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const spec = byId.get(header.column.id);
                  return (
                    <th key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} className={spec?.className}>
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {spec?.header}<span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}</span>
                        </button>
                      ) : spec?.header}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} className={row.getIsSelected() ? 'row-selected' : undefined}>
                {bulkActions && (
                  <td className="select-cell">
                    <input type="checkbox" aria-label={`Select ${rowName(row.original)}`} checked={row.getIsSelected()} onChange={(e) => row.toggleSelected(e.target.checked)} />
                  </td>
                )}
                {columns.map((c) => <td key={c.id} className={c.className}>{c.cell ? c.cell(row.original) : String(c.value(row.original) ?? '')}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
