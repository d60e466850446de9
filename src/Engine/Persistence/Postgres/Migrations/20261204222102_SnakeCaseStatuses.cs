using Microsoft.EntityFrameworkCore.Migrations;
using Sleek.Workflows.Engine.Persistence;

#nullable disable

namespace Sleek.Workflows.Engine.Persistence.Postgres.Migrations
{
    /// <summary>Rewrites stored statuses as snake_case text (no schema change; see <see cref="SnakeCaseStatusesMigration"/>).</summary>
    public partial class SnakeCaseStatuses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => SnakeCaseStatusesMigration.Up(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => SnakeCaseStatusesMigration.Down(migrationBuilder);
    }
}
