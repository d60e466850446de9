using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Marketplace.Persistence.Postgres.Migrations
{
    /// <summary>
    /// The product catalog (issue 15): products in their listed form, their revisions under review, the product a quote
    /// was asked from; on PostgreSQL also the full-text column and its GIN index, which the EF model cannot declare.
    /// </summary>
    public partial class ProductCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "product_id",
                table: "quotes",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_listed = table.Column<bool>(type: "boolean", nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    moq = table.Column<int>(type: "integer", nullable: false),
                    base_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    lead_time_days = table.Column<int>(type: "integer", nullable: false),
                    listed_revision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    latest_revision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    views = table.Column<int>(type: "integer", nullable: false),
                    inquiries = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    listed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_products", x => x.id);
                    table.ForeignKey(
                        name: "FK_products_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "product_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    moq = table.Column<int>(type: "integer", nullable: false),
                    base_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    lead_time_days = table.Column<int>(type: "integer", nullable: false),
                    rejection_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    workflow_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_revisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_product_revisions_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quotes_product_id",
                table: "quotes",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "IX_product_revisions_product_id_number",
                table: "product_revisions",
                columns: new[] { "product_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_product_revisions_status_submitted_at",
                table: "product_revisions",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_products_is_listed_category_listed_at",
                table: "products",
                columns: new[] { "is_listed", "category", "listed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_products_supplier_id_created_at",
                table: "products",
                columns: new[] { "supplier_id", "created_at" });

            migrationBuilder.AddForeignKey(
                name: "FK_quotes_products_product_id",
                table: "quotes",
                column: "product_id",
                principalTable: "products",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Full text over the listed form: a stored generated tsvector (title weighs more than description) and a GIN
            // index. The EF model does not know the column; PostgresMarketplaceDbContext.MatchingProducts queries it.
            migrationBuilder.Sql("""
                ALTER TABLE products ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                    setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED;
                CREATE INDEX ix_products_search_vector ON products USING GIN (search_vector);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_quotes_products_product_id",
                table: "quotes");

            migrationBuilder.DropTable(
                name: "product_revisions");

            migrationBuilder.DropTable(
                name: "products");

            migrationBuilder.DropIndex(
                name: "IX_quotes_product_id",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "product_id",
                table: "quotes");
        }
    }
}
