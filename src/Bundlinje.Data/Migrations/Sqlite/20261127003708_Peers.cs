using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Peers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PeerImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PeerProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndigoId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PolicySector = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TargetPopulation = table.Column<string>(type: "TEXT", nullable: true),
                    CapitalAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: true),
                    CapitalCurrency = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MaxParticipants = table.Column<int>(type: "INTEGER", nullable: true),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: true),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: true),
                    MetricSectors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LinkedInvestmentKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LinkedSubProject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PeerRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Table = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerRecords_PeerImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "PeerImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeerProjects_IndigoId",
                table: "PeerProjects",
                column: "IndigoId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerRecords_ImportId",
                table: "PeerRecords",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerRecords_ProjectId",
                table: "PeerRecords",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerRecords_Table_Key_Revision",
                table: "PeerRecords",
                columns: new[] { "Table", "Key", "Revision" },
                unique: true);

            AppendOnly.Sqlite(migrationBuilder, "PeerRecords", "The peer library keeps every revision; import the export again instead.");
            AppendOnly.Sqlite(migrationBuilder, "PeerImports", "An import is kept as it happened.");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnly.DropSqlite(migrationBuilder, "PeerRecords");
            AppendOnly.DropSqlite(migrationBuilder, "PeerImports");

            migrationBuilder.DropTable(
                name: "PeerProjects");

            migrationBuilder.DropTable(
                name: "PeerRecords");

            migrationBuilder.DropTable(
                name: "PeerImports");
        }
    }
}
