using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Trust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "CK_SubProjects_InjectedCapital_Kroner",
                table: "SubProjects",
                sql: "\"InjectedCapital\" IS NULL OR (abs(CAST(\"InjectedCapital\" AS REAL)) <= 1000000000000 AND (instr(CAST(\"InjectedCapital\" AS TEXT), '.') = 0 OR length(CAST(\"InjectedCapital\" AS TEXT)) - instr(CAST(\"InjectedCapital\" AS TEXT), '.') <= 2))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ProposalEvents_Amount_Kroner",
                table: "ProposalEvents",
                sql: "\"Amount\" IS NULL OR (abs(CAST(\"Amount\" AS REAL)) <= 1000000000000 AND (instr(CAST(\"Amount\" AS TEXT), '.') = 0 OR length(CAST(\"Amount\" AS TEXT)) - instr(CAST(\"Amount\" AS TEXT), '.') <= 2))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_PaymentObligations_Amount_Kroner",
                table: "PaymentObligations",
                sql: "\"Amount\" IS NULL OR (abs(CAST(\"Amount\" AS REAL)) <= 1000000000000 AND (instr(CAST(\"Amount\" AS TEXT), '.') = 0 OR length(CAST(\"Amount\" AS TEXT)) - instr(CAST(\"Amount\" AS TEXT), '.') <= 2))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Parties_Capital_Kroner",
                table: "Parties",
                sql: "\"Capital\" IS NULL OR (abs(CAST(\"Capital\" AS REAL)) <= 1000000000000 AND (instr(CAST(\"Capital\" AS TEXT), '.') = 0 OR length(CAST(\"Capital\" AS TEXT)) - instr(CAST(\"Capital\" AS TEXT), '.') <= 2))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Parties_Donation_Kroner",
                table: "Parties",
                sql: "\"Donation\" IS NULL OR (abs(CAST(\"Donation\" AS REAL)) <= 1000000000000 AND (instr(CAST(\"Donation\" AS TEXT), '.') = 0 OR length(CAST(\"Donation\" AS TEXT)) - instr(CAST(\"Donation\" AS TEXT), '.') <= 2))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Parties_Guarantee_Kroner",
                table: "Parties",
                sql: "\"Guarantee\" IS NULL OR (abs(CAST(\"Guarantee\" AS REAL)) <= 1000000000000 AND (instr(CAST(\"Guarantee\" AS TEXT), '.') = 0 OR length(CAST(\"Guarantee\" AS TEXT)) - instr(CAST(\"Guarantee\" AS TEXT), '.') <= 2))");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerPostings_Reverses",
                table: "LedgerPostings",
                column: "Reverses",
                unique: true,
                filter: "\"Reverses\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerPostings_SourceReference",
                table: "LedgerPostings",
                column: "SourceReference",
                unique: true,
                filter: "\"SourceReference\" LIKE 'run:%/obligation:%'");

            migrationBuilder.AddCheckConstraint(
                name: "CK_LedgerPostings_Amount_Kroner",
                table: "LedgerPostings",
                sql: "\"Amount\" IS NULL OR (abs(CAST(\"Amount\" AS REAL)) <= 1000000000000 AND (instr(CAST(\"Amount\" AS TEXT), '.') = 0 OR length(CAST(\"Amount\" AS TEXT)) - instr(CAST(\"Amount\" AS TEXT), '.') <= 2))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_FollowUpRuns_Payable_Kroner",
                table: "FollowUpRuns",
                sql: "\"Payable\" IS NULL OR (abs(CAST(\"Payable\" AS REAL)) <= 1000000000000 AND (instr(CAST(\"Payable\" AS TEXT), '.') = 0 OR length(CAST(\"Payable\" AS TEXT)) - instr(CAST(\"Payable\" AS TEXT), '.') <= 2))");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_SubProjects_InjectedCapital_Kroner",
                table: "SubProjects");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ProposalEvents_Amount_Kroner",
                table: "ProposalEvents");

            migrationBuilder.DropCheckConstraint(
                name: "CK_PaymentObligations_Amount_Kroner",
                table: "PaymentObligations");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Parties_Capital_Kroner",
                table: "Parties");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Parties_Donation_Kroner",
                table: "Parties");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Parties_Guarantee_Kroner",
                table: "Parties");

            migrationBuilder.DropIndex(
                name: "IX_LedgerPostings_Reverses",
                table: "LedgerPostings");

            migrationBuilder.DropIndex(
                name: "IX_LedgerPostings_SourceReference",
                table: "LedgerPostings");

            migrationBuilder.DropCheckConstraint(
                name: "CK_LedgerPostings_Amount_Kroner",
                table: "LedgerPostings");

            migrationBuilder.DropCheckConstraint(
                name: "CK_FollowUpRuns_Payable_Kroner",
                table: "FollowUpRuns");

        }
    }
}
