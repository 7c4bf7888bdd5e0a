using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerPostings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InvestmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Payer = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    Reverses = table.Column<int>(type: "INTEGER", nullable: true),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerPostings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerPostings_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerPostings_Investments_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "Investments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerPostings_FundId_FiscalYear",
                table: "LedgerPostings",
                columns: new[] { "FundId", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerPostings_InvestmentId",
                table: "LedgerPostings",
                column: "InvestmentId");

            migrationBuilder.Sql("CREATE TRIGGER LedgerPostings_no_update BEFORE UPDATE ON LedgerPostings BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER LedgerPostings_no_delete BEFORE DELETE ON LedgerPostings BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER LedgerPostings_no_update;");
            migrationBuilder.Sql("DROP TRIGGER LedgerPostings_no_delete;");
            migrationBuilder.DropTable(
                name: "LedgerPostings");

        }
    }
}
