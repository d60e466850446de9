using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssistantConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assistant_conversations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    owner_ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    handover_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    prompt_tokens = table.Column<long>(type: "INTEGER", nullable: false),
                    completion_tokens = table.Column<long>(type: "INTEGER", nullable: false),
                    cost_usd = table.Column<long>(type: "INTEGER", precision: 12, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assistant_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assistant_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: true),
                    tool_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    tool_call_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    tool_arguments = table.Column<string>(type: "TEXT", nullable: true),
                    tool_result = table.Column<string>(type: "TEXT", nullable: true),
                    quote_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    prompt_tokens = table.Column<int>(type: "INTEGER", nullable: false),
                    completion_tokens = table.Column<int>(type: "INTEGER", nullable: false),
                    cost_usd = table.Column<long>(type: "INTEGER", precision: 12, scale: 6, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assistant_messages", x => x.id);
                    table.ForeignKey(
                        name: "FK_assistant_messages_assistant_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "assistant_conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assistant_conversations_owner_ip_updated_at",
                table: "assistant_conversations",
                columns: new[] { "owner_ip", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "IX_assistant_conversations_owner_user_id_updated_at",
                table: "assistant_conversations",
                columns: new[] { "owner_user_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "IX_assistant_messages_conversation_id_sequence",
                table: "assistant_messages",
                columns: new[] { "conversation_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assistant_messages_created_at",
                table: "assistant_messages",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assistant_messages");

            migrationBuilder.DropTable(
                name: "assistant_conversations");
        }
    }
}
