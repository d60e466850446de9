using Microsoft.EntityFrameworkCore.Migrations;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The data change of the <c>SnakeCaseStatuses</c> migration of both providers: statuses were stored as the C# member
/// name (<c>'Suspended'</c>) and are stored as snake_case text since (<c>'suspended'</c>, see
/// <see cref="SnakeCaseEnumConverter{TEnum}"/>). The values are written out here, frozen as they were on the day of
/// the migration, so a later rename of a member cannot change what this migration did.
/// </summary>
internal static class SnakeCaseStatusesMigration
{
    private static readonly (string Table, string Column, string[] Values)[] Columns =
    [
        ("workflow_instances", "status", ["Running", "Suspended", "Completed", "Faulted", "Cancelled"]),
        ("bookmarks", "outcome", ["Resumed", "Cancelled"]),
        ("work_items", "kind", ["Start", "Resume", "Timer", "Retry"]),
        ("incidents", "resolution", ["Retried", "Cancelled"]),
        ("journal", "event", ["Executed", "Waiting", "Resumed", "Faulted", "Cancelled", "Migrated"]),
    ];

    /// <summary>'Suspended' → 'suspended' (every value is one word, so snake_case is its lower case).</summary>
    public static void Up(MigrationBuilder migrationBuilder) => Rewrite(migrationBuilder, toSnakeCase: true);

    /// <summary>'suspended' → 'Suspended'.</summary>
    public static void Down(MigrationBuilder migrationBuilder) => Rewrite(migrationBuilder, toSnakeCase: false);

    private static void Rewrite(MigrationBuilder migrationBuilder, bool toSnakeCase)
    {
        foreach (var (table, column, values) in Columns)
        {
            foreach (var value in values)
            {
                var (from, to) = toSnakeCase ? (value, value.ToLowerInvariant()) : (value.ToLowerInvariant(), value);
                migrationBuilder.Sql($"UPDATE {table} SET {column} = '{to}' WHERE {column} = '{from}';");
            }
        }
    }
}
