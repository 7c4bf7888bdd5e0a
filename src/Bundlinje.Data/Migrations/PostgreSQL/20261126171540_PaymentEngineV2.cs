using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bundlinje.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class PaymentEngineV2 : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "Funds",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "DKK");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FundId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    NameDa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ValueType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Decimals = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_Measures_FundId_Code",
                table: "Measures",
                columns: new[] { "FundId", "Code" },
                unique: true);

            // Every existing fund starts with the seed catalogue (today's list); new funds get it on creation.
            migrationBuilder.Sql(MeasureSeedSql.Insert());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Measures");

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

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "Funds");

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
