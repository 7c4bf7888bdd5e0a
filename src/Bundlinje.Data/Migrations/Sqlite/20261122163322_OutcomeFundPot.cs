using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutcomeFundPot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Metric",
                table: "LedgerPostings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pot",
                table: "LedgerPostings",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValueSql: "'InvestmentFund'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Metric",
                table: "LedgerPostings");

            migrationBuilder.DropColumn(
                name: "Pot",
                table: "LedgerPostings");
        }
    }
}
