using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Files : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    original_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_files", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_files_owner_kind_owner_id_uploaded_at",
                table: "files",
                columns: new[] { "owner_kind", "owner_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "IX_files_storage_key",
                table: "files",
                column: "storage_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "files");
        }
    }
}
