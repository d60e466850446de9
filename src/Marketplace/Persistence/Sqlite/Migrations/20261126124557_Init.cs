using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Init : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ai_usage",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    prompt_tokens = table.Column<int>(type: "INTEGER", nullable: false),
                    completion_tokens = table.Column<int>(type: "INTEGER", nullable: false),
                    cost_usd = table.Column<long>(type: "INTEGER", precision: 12, scale: 6, nullable: false),
                    duration_ms = table.Column<int>(type: "INTEGER", nullable: false),
                    succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    quote_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_usage", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    base_price = table.Column<long>(type: "INTEGER", precision: 12, scale: 2, nullable: false),
                    sampling_days = table.Column<int>(type: "INTEGER", nullable: false),
                    production_days_per100 = table.Column<int>(type: "INTEGER", nullable: false),
                    related_keys = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_categories", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "document_counters",
                columns: table => new
                {
                    prefix = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    last_number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_counters", x => x.prefix);
                });

            migrationBuilder.CreateTable(
                name: "email_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    template = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    html_body = table.Column<string>(type: "TEXT", nullable: false),
                    text_body = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    quote_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "quotes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    product_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    complexity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    fabric = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    requirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    buyer_user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    unit_price = table.Column<long>(type: "INTEGER", precision: 12, scale: 4, nullable: false),
                    total = table.Column<long>(type: "INTEGER", precision: 12, scale: 2, nullable: false),
                    lead_time_days = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ai_suggestions = table.Column<string>(type: "TEXT", nullable: true),
                    workflow_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quotes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rule_set_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rule_set_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "suppliers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    categories = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    active_orders = table.Column<int>(type: "INTEGER", nullable: false),
                    rating = table.Column<long>(type: "INTEGER", precision: 3, scale: 2, nullable: false),
                    on_time_rate = table.Column<long>(type: "INTEGER", precision: 5, scale: 4, nullable: false),
                    moq = table.Column<int>(type: "INTEGER", nullable: false),
                    lead_time_days = table.Column<int>(type: "INTEGER", nullable: false),
                    tier = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    auto_accept = table.Column<bool>(type: "INTEGER", nullable: false),
                    certifications = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suppliers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    quote_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_email = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    buyer_user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    product_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_price = table.Column<long>(type: "INTEGER", precision: 12, scale: 4, nullable: false),
                    total = table.Column<long>(type: "INTEGER", precision: 12, scale: 2, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    status_before_hold = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    supplier_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    supplier_price = table.Column<long>(type: "INTEGER", precision: 12, scale: 2, nullable: true),
                    carrier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    tracking_number = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    workflow_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.id);
                    table.ForeignKey(
                        name: "FK_orders_quotes_quote_id",
                        column: x => x.quote_id,
                        principalTable: "quotes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_orders_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", precision: 12, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    paid_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    payment_intent_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoices", x => x.id);
                    table.ForeignKey(
                        name: "FK_invoices_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "order_timeline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    from_status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    to_status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_timeline", x => x.id);
                    table.ForeignKey(
                        name: "FK_order_timeline_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "production_stages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    planned_days = table.Column<int>(type: "INTEGER", nullable: false),
                    planned_start = table.Column<DateTime>(type: "TEXT", nullable: true),
                    planned_end = table.Column<DateTime>(type: "TEXT", nullable: true),
                    actual_start = table.Column<DateTime>(type: "TEXT", nullable: true),
                    actual_end = table.Column<DateTime>(type: "TEXT", nullable: true),
                    delay_alerted_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_production_stages", x => x.id);
                    table.ForeignKey(
                        name: "FK_production_stages_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supplier_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    supplier_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<long>(type: "INTEGER", precision: 12, scale: 2, nullable: false),
                    offered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    responded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    response = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_offers", x => x.id);
                    table.ForeignKey(
                        name: "FK_supplier_offers_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_supplier_offers_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    amount = table.Column<long>(type: "INTEGER", precision: 12, scale: 2, nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    stripe_event_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.id);
                    table.ForeignKey(
                        name: "FK_payments_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ai_usage_at",
                table: "ai_usage",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_email_messages_idempotency_key",
                table: "email_messages",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_messages_order_id",
                table: "email_messages",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_email_messages_quote_id",
                table: "email_messages",
                column: "quote_id");

            migrationBuilder.CreateIndex(
                name: "IX_email_messages_status_created_at",
                table: "email_messages",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_number",
                table: "invoices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_order_id",
                table: "invoices",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_payment_intent_id",
                table: "invoices",
                column: "payment_intent_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_status_due_at",
                table: "invoices",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_order_timeline_order_id_at",
                table: "order_timeline",
                columns: new[] { "order_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_buyer_email_created_at",
                table: "orders",
                columns: new[] { "buyer_email", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_buyer_user_id_created_at",
                table: "orders",
                columns: new[] { "buyer_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_created_at",
                table: "orders",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_orders_number",
                table: "orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_quote_id",
                table: "orders",
                column: "quote_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_status_created_at",
                table: "orders",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_supplier_id_created_at",
                table: "orders",
                columns: new[] { "supplier_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_invoice_id",
                table: "payments",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "IX_payments_stripe_event_id",
                table: "payments",
                column: "stripe_event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_production_stages_order_id_sequence",
                table: "production_stages",
                columns: new[] { "order_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_production_stages_planned_end",
                table: "production_stages",
                column: "planned_end");

            migrationBuilder.CreateIndex(
                name: "IX_quotes_buyer_user_id_created_at",
                table: "quotes",
                columns: new[] { "buyer_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_quotes_created_at",
                table: "quotes",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_quotes_email_created_at",
                table: "quotes",
                columns: new[] { "email", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_quotes_number",
                table: "quotes",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rule_set_versions_name_version",
                table: "rule_set_versions",
                columns: new[] { "name", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supplier_offers_order_id_rank",
                table: "supplier_offers",
                columns: new[] { "order_id", "rank" });

            migrationBuilder.CreateIndex(
                name: "IX_supplier_offers_supplier_id_offered_at",
                table: "supplier_offers",
                columns: new[] { "supplier_id", "offered_at" });

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_user_id",
                table: "suppliers",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_usage");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "document_counters");

            migrationBuilder.DropTable(
                name: "email_messages");

            migrationBuilder.DropTable(
                name: "order_timeline");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "production_stages");

            migrationBuilder.DropTable(
                name: "rule_set_versions");

            migrationBuilder.DropTable(
                name: "supplier_offers");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "quotes");

            migrationBuilder.DropTable(
                name: "suppliers");
        }
    }
}
