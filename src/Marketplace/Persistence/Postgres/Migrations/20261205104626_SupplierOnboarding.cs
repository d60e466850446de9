using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Marketplace.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupplierOnboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contact_name",
                table: "suppliers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_order_quantity",
                table: "suppliers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "onboarding_instance_id",
                table: "suppliers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "suppliers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "verification_changed_at",
                table: "suppliers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verification_reason",
                table: "suppliers",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            // Suppliers that exist before onboarding were added by the seed or by hand: they keep being offered orders.
            migrationBuilder.AddColumn<string>(
                name: "verification_status",
                table: "suppliers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "verified");

            migrationBuilder.CreateTable(
                name: "supplier_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_certificates", x => x.id);
                    table.ForeignKey(
                        name: "FK_supplier_certificates_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_email",
                table: "suppliers",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_verification_status",
                table: "suppliers",
                column: "verification_status");

            migrationBuilder.CreateIndex(
                name: "IX_supplier_certificates_expires_on",
                table: "supplier_certificates",
                column: "expires_on");

            migrationBuilder.CreateIndex(
                name: "IX_supplier_certificates_supplier_id",
                table: "supplier_certificates",
                column: "supplier_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supplier_certificates");

            migrationBuilder.DropIndex(
                name: "IX_suppliers_email",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_suppliers_verification_status",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "contact_name",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "max_order_quantity",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "onboarding_instance_id",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "phone",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "verification_changed_at",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "verification_reason",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "verification_status",
                table: "suppliers");
        }
    }
}
