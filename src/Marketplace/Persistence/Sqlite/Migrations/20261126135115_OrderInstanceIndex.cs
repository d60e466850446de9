using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrderInstanceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_orders_workflow_instance_id",
                table: "orders",
                column: "workflow_instance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_workflow_instance_id",
                table: "orders");
        }
    }
}
