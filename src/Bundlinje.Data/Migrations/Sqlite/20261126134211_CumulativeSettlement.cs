using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CumulativeSettlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "FollowUpApprovals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Approvals made before cumulative settlement are numbered per investment in the order they were made.
            migrationBuilder.Sql("""
                UPDATE "FollowUpApprovals" SET "Sequence" = (SELECT COUNT(*) FROM "FollowUpApprovals" AS b
                    WHERE b."InvestmentId" = "FollowUpApprovals"."InvestmentId" AND b."Id" <= "FollowUpApprovals"."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpApprovals_InvestmentId_Sequence",
                table: "FollowUpApprovals",
                columns: new[] { "InvestmentId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpApprovals_InvestmentId_Sequence",
                table: "FollowUpApprovals");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "FollowUpApprovals");
        }
    }
}
