using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosedFiscalYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClosedFiscalYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedFiscalYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClosedFiscalYears_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClosedFiscalYears_FundId_Year",
                table: "ClosedFiscalYears",
                columns: new[] { "FundId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosedFiscalYears");
        }
    }
}
