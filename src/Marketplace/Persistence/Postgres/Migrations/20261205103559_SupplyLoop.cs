using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sleek.Workflows.Marketplace.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupplyLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing quotes and orders get an empty JSON list (the string-list converter cannot read an empty text).
            migrationBuilder.AddColumn<int>(
                name: "cancelled_orders",
                table: "suppliers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "delivered_orders",
                table: "suppliers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "on_time_events",
                table: "suppliers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "qc_failures",
                table: "suppliers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "qc_inspections",
                table: "suppliers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "timed_events",
                table: "suppliers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "total_orders",
                table: "suppliers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "allowed_countries",
                table: "quotes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "blocked_countries",
                table: "quotes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateOnly>(
                name: "needed_by",
                table: "quotes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "required_certifications",
                table: "quotes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "promised_end",
                table: "production_stages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "allowed_countries",
                table: "orders",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "blocked_countries",
                table: "orders",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "delivered_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "expected_delivery_date",
                table: "orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "needed_by",
                table: "orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "required_certifications",
                table: "orders",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cancelled_orders",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "delivered_orders",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "on_time_events",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "qc_failures",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "qc_inspections",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "timed_events",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "total_orders",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "allowed_countries",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "blocked_countries",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "needed_by",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "required_certifications",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "promised_end",
                table: "production_stages");

            migrationBuilder.DropColumn(
                name: "allowed_countries",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "blocked_countries",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "delivered_at",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "expected_delivery_date",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "needed_by",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "required_certifications",
                table: "orders");
        }
    }
}
