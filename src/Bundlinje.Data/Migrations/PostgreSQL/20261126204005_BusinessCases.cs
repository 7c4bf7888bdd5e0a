using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bundlinje.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class BusinessCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "DiscountRateLong",
                table: "Funds",
                type: "numeric(7,5)",
                precision: 7,
                scale: 5,
                nullable: false,
                defaultValue: 0.015m);

            migrationBuilder.AddColumn<decimal>(
                name: "DiscountRateMedium",
                table: "Funds",
                type: "numeric(7,5)",
                precision: 7,
                scale: 5,
                nullable: false,
                defaultValue: 0.025m);

            migrationBuilder.AddColumn<decimal>(
                name: "DiscountRateShort",
                table: "Funds",
                type: "numeric(7,5)",
                precision: 7,
                scale: 5,
                nullable: false,
                defaultValue: 0.035m);

            migrationBuilder.AddColumn<decimal>(
                name: "SensitivityStep",
                table: "Funds",
                type: "numeric(5,4)",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0.20m);

            migrationBuilder.CreateTable(
                name: "BusinessCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestmentId = table.Column<int>(type: "integer", nullable: false),
                    AgreementVersion = table.Column<int>(type: "integer", nullable: false),
                    Part = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessCases_Investments_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "Investments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PriceIndices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FundId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceIndices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceIndices_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitPrices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FundId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PriceYear = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitPrices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitPrices_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessCases_InvestmentId_AgreementVersion_Part_Revision",
                table: "BusinessCases",
                columns: new[] { "InvestmentId", "AgreementVersion", "Part", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriceIndices_FundId_Year",
                table: "PriceIndices",
                columns: new[] { "FundId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitPrices_FundId_Code",
                table: "UnitPrices",
                columns: new[] { "FundId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BusinessCases");

            migrationBuilder.DropTable(
                name: "PriceIndices");

            migrationBuilder.DropTable(
                name: "UnitPrices");

            migrationBuilder.DropColumn(
                name: "DiscountRateLong",
                table: "Funds");

            migrationBuilder.DropColumn(
                name: "DiscountRateMedium",
                table: "Funds");

            migrationBuilder.DropColumn(
                name: "DiscountRateShort",
                table: "Funds");

            migrationBuilder.DropColumn(
                name: "SensitivityStep",
                table: "Funds");
        }
    }
}
