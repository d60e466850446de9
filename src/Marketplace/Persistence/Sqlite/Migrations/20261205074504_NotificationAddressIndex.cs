using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite.Migrations
{
    /// <summary>
    /// Notifications read the outbox by recipient, case-insensitively (<c>lower("to") = @email</c>, newest first): an
    /// expression index, which the EF model cannot declare, so it lives here only.
    /// </summary>
    public partial class NotificationAddressIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_email_messages_lower_to_created_at ON email_messages (lower(\"to\"), created_at);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_email_messages_lower_to_created_at;");
        }
    }
}
