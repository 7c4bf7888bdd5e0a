using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.PostgreSQL
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
                sql: "\"InjectedCapital\" IS NULL OR abs(\"InjectedCapital\") <= 1000000000000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ProposalEvents_Amount_Kroner",
                table: "ProposalEvents",
                sql: "\"Amount\" IS NULL OR abs(\"Amount\") <= 1000000000000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_PaymentObligations_Amount_Kroner",
                table: "PaymentObligations",
                sql: "\"Amount\" IS NULL OR abs(\"Amount\") <= 1000000000000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Parties_Capital_Kroner",
                table: "Parties",
                sql: "\"Capital\" IS NULL OR abs(\"Capital\") <= 1000000000000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Parties_Donation_Kroner",
                table: "Parties",
                sql: "\"Donation\" IS NULL OR abs(\"Donation\") <= 1000000000000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Parties_Guarantee_Kroner",
                table: "Parties",
                sql: "\"Guarantee\" IS NULL OR abs(\"Guarantee\") <= 1000000000000");

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
                sql: "\"Amount\" IS NULL OR abs(\"Amount\") <= 1000000000000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_FollowUpRuns_Payable_Kroner",
                table: "FollowUpRuns",
                sql: "\"Payable\" IS NULL OR abs(\"Payable\") <= 1000000000000");
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
