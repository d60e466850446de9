using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Engine.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildWorkflows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parent_activity_id",
                table: "workflow_instances",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "parent_execution_number",
                table: "workflow_instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "parent_instance_id",
                table: "workflow_instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_parent_instance_id_parent_activity_id_parent_execution_number",
                table: "workflow_instances",
                columns: new[] { "parent_instance_id", "parent_activity_id", "parent_execution_number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_instances_parent_instance_id_parent_activity_id_parent_execution_number",
                table: "workflow_instances");

            migrationBuilder.DropColumn(
                name: "parent_activity_id",
                table: "workflow_instances");

            migrationBuilder.DropColumn(
                name: "parent_execution_number",
                table: "workflow_instances");

            migrationBuilder.DropColumn(
                name: "parent_instance_id",
                table: "workflow_instances");
        }
    }
}
