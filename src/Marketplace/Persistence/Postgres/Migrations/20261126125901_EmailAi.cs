using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Marketplace.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EmailAi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "next_attempt_at",
                table: "email_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_messages_status_next_attempt_at",
                table: "email_messages",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_email_messages_status_next_attempt_at",
                table: "email_messages");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                table: "email_messages");
        }
    }
}
