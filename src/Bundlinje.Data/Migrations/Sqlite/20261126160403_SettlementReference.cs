using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SettlementReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerPostings_SourceReference",
                table: "LedgerPostings");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerPostings_SourceReference",
                table: "LedgerPostings",
                column: "SourceReference",
                unique: true,
                filter: "\"SourceReference\" LIKE 'run:%/obligation:%' OR \"SourceReference\" LIKE 'settlement:%'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerPostings_SourceReference",
                table: "LedgerPostings");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerPostings_SourceReference",
                table: "LedgerPostings",
                column: "SourceReference",
                unique: true,
                filter: "\"SourceReference\" LIKE 'run:%/obligation:%'");
        }
    }
}
