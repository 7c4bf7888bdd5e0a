using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class SettlementReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaymentObligations_LedgerPostingId",
                table: "PaymentObligations");

            migrationBuilder.DropIndex(
                name: "IX_LedgerPostings_SourceReference",
                table: "LedgerPostings");

            migrationBuilder.AddColumn<decimal>(
                name: "GuaranteeShare",
                table: "Parties",
                type: "numeric(9,6)",
                precision: 9,
                scale: 6,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentObligations_LedgerPostingId",
                table: "PaymentObligations",
                column: "LedgerPostingId",
                unique: true,
                filter: "\"LedgerPostingId\" IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Parties_GuaranteeShare",
                table: "Parties",
                sql: "\"GuaranteeShare\" IS NULL OR (\"GuaranteeShare\" > 0 AND \"GuaranteeShare\" <= 1)");

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
                name: "IX_PaymentObligations_LedgerPostingId",
                table: "PaymentObligations");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Parties_GuaranteeShare",
                table: "Parties");

            migrationBuilder.DropIndex(
                name: "IX_LedgerPostings_SourceReference",
                table: "LedgerPostings");

            migrationBuilder.DropColumn(
                name: "GuaranteeShare",
                table: "Parties");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentObligations_LedgerPostingId",
                table: "PaymentObligations",
                column: "LedgerPostingId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerPostings_SourceReference",
                table: "LedgerPostings",
                column: "SourceReference",
                unique: true,
                filter: "\"SourceReference\" LIKE 'run:%/obligation:%'");
        }
    }
}
